package org.broadsheet.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules a comment's fields must pass, with messages that name the limit. */
final class CommentPolicy {
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
  private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"')\\]]+");

  // Zero-width spaces, direction marks and overrides, and byte-order marks: they can disguise
  // a name or reverse a text's reading order, and no reader needs them.
  // Also characters XML 1.0 forbids (U+FFFE, U+FFFF, lone surrogates), which would break the
  // Atom feeds.
  private static final String INVISIBLE =
      "[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\uFFFE\\uFFFF]|\\p{Cs}";

  /** A draft's fields, cleaned: trimmed, in Unicode NFC, without control characters. */
  record Cleaned(String name, String email, String website, String body) {}

  private CommentPolicy() {}

  static Cleaned clean(CommentDraft draft) {
    return new Cleaned(
        line(draft.name()),
        line(draft.email()).toLowerCase(Locale.ROOT),
        website(line(draft.website())),
        text(draft.body()));
  }

  /** Problems with the fields, by field name; empty when the comment may be stored. */
  static Map<String, String> problems(Cleaned comment, CommentSettings limits) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (comment.body().isBlank()) {
      problems.put("body", "Please write a comment.");
    } else if (comment.body().length() > limits.maxBodyChars()) {
      problems.put(
          "body",
          "Your comment is %,d characters long; comments may be at most %,d characters."
              .formatted(comment.body().length(), limits.maxBodyChars()));
    } else if (linkCount(comment.body()) > limits.maxLinks()) {
      problems.put(
          "body",
          limits.maxLinks() == 0
              ? "Comments may not contain links."
              : "Your comment has %d links; comments may have at most %d."
                  .formatted(linkCount(comment.body()), limits.maxLinks()));
    }
    if (comment.name().isBlank()) {
      problems.put("name", "Please give your name.");
    } else if (comment.name().length() > limits.maxNameChars()) {
      problems.put("name", "Names may be at most %,d characters.".formatted(limits.maxNameChars()));
    }
    if (comment.email().isBlank()) {
      problems.put("email", "Please give your email address; it will not be published.");
    } else if (comment.email().length() > limits.maxEmailChars()) {
      problems.put(
          "email",
          "Email addresses may be at most %,d characters.".formatted(limits.maxEmailChars()));
    } else if (!EMAIL.matcher(comment.email()).matches()) {
      problems.put("email", "Please give a valid email address, such as name@example.org.");
    }
    if (!comment.website().isEmpty()) {
      if (comment.website().length() > limits.maxWebsiteChars()) {
        problems.put(
            "website",
            "Website addresses may be at most %,d characters.".formatted(limits.maxWebsiteChars()));
      } else if (!isWebAddress(comment.website())) {
        problems.put(
            "website",
            "Please give a website address starting with http:// or https://, or leave it empty.");
      }
    }
    return problems;
  }

  static int linkCount(String body) {
    Matcher matcher = LINK.matcher(body);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  /** The first blocked word the comment contains, if any. */
  static String blockedWord(Cleaned comment, CommentSettings settings) {
    String text =
        (comment.name() + " " + comment.body() + " " + comment.website()).toLowerCase(Locale.ROOT);
    for (String word : settings.blockedWords()) {
      if (text.contains(word)) {
        return word;
      }
    }
    return null;
  }

  static boolean blockedEmail(String email, CommentSettings settings) {
    for (String blocked : settings.blockedEmails()) {
      if (blocked.startsWith("@") ? email.endsWith(blocked) : email.equals(blocked)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWebAddress(String website) {
    try {
      URI uri = new URI(website);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getHost().contains(".");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String website(String website) {
    if (!website.isEmpty()
        && !website.contains("://")
        && website.matches("[\\w.-]+\\.[a-zA-Z]{2,}(/\\S*)?")) {
      return "https://" + website;
    }
    return website;
  }

  private static String line(String value) {
    return normalize(value == null ? "" : value)
        .replaceAll(INVISIBLE, "")
        .replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ")
        .replaceAll(" {2,}", " ")
        .strip();
  }

  private static String text(String value) {
    String normalized =
        normalize(value == null ? "" : value).replace("\r\n", "\n").replace('\r', '\n');
    // Keep line breaks and tabs; drop other control characters and text-direction tricks.
    return normalized.replaceAll(INVISIBLE, "").replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
  }

  private static String normalize(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFC);
  }
}
