package org.broadsheet.comment;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A naive Bayes spam classifier over a comment's words, the sites it links to and its shape. It
 * learns only from moderators' decisions: approving teaches it ham, marking spam teaches it spam.
 */
public final class SpamFilter {
  /** How often a token was seen in spam and in ham comments. */
  public record Counts(int spam, int ham) {}

  /** What the filter has learnt: per-token counts and how many comments of each kind. */
  public interface Memory {
    Map<String, Counts> counts(Set<String> tokens);

    Counts totals();
  }

  /** Below this many learnt comments of each kind the filter abstains. */
  public static final int MIN_TRAINING = 10;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}$€£'’]{2,30}");
  private static final Pattern LINK =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"')\\]]+");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{7,}\\d");

  private SpamFilter() {}

  /** The features of a comment the filter weighs. */
  public static Set<String> tokens(String name, String website, String body) {
    Set<String> tokens = new LinkedHashSet<>();
    String text = body.toLowerCase(Locale.ROOT);
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      tokens.add(words.group());
    }
    Matcher nameWords = WORD.matcher(name.toLowerCase(Locale.ROOT));
    while (nameWords.find()) {
      tokens.add("name:" + nameWords.group());
    }
    int links = 0;
    Matcher link = LINK.matcher(body);
    while (link.find()) {
      links++;
      tokens.add("link:" + host(link.group()));
    }
    if (!website.isBlank()) {
      tokens.add("website:" + host(website));
      tokens.add("has:website");
    }
    tokens.add("links:" + Math.min(links, 3));
    if (PHONE.matcher(body).find()) {
      tokens.add("has:phone");
    }
    long capitals = body.chars().filter(Character::isUpperCase).count();
    long letters = body.chars().filter(Character::isLetter).count();
    if (letters > 20 && capitals * 2 > letters) {
      tokens.add("shape:shouting");
    }
    tokens.add("length:" + Math.min(body.length() / 200, 5));
    return tokens;
  }

  private static String host(String link) {
    String url = link.toLowerCase(Locale.ROOT).startsWith("www.") ? "http://" + link : link;
    try {
      String host = URI.create(url.replaceAll("[\\s]", "")).getHost();
      if (host == null) {
        return "?";
      }
      String[] parts = host.toLowerCase(Locale.ROOT).split("\\.");
      return parts.length <= 2 ? host : parts[parts.length - 2] + "." + parts[parts.length - 1];
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  /**
   * The probability that a comment with these tokens is spam, from 0 to 1; 0.5 when the filter has
   * not learnt enough to tell.
   */
  public static double spamProbability(Set<String> tokens, Memory memory) {
    Counts totals = memory.totals();
    if (totals.spam() < MIN_TRAINING || totals.ham() < MIN_TRAINING) {
      return 0.5;
    }
    Map<String, Counts> counts = memory.counts(tokens);
    double logSpam = Math.log(totals.spam() / (double) (totals.spam() + totals.ham()));
    double logHam = Math.log(totals.ham() / (double) (totals.spam() + totals.ham()));
    for (String token : tokens) {
      Counts seen = counts.getOrDefault(token, new Counts(0, 0));
      if (seen.spam() + seen.ham() == 0) {
        continue;
      }
      // Document frequency with Laplace smoothing, so an unseen side never zeroes the product.
      logSpam += Math.log((seen.spam() + 1.0) / (totals.spam() + 2.0));
      logHam += Math.log((seen.ham() + 1.0) / (totals.ham() + 2.0));
    }
    double difference = logHam - logSpam;
    if (difference > 50) {
      return 0;
    }
    return 1 / (1 + Math.exp(difference));
  }
}
