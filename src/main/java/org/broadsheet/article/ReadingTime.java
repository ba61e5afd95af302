package org.broadsheet.article;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an article takes to read: its body's words at 230 a minute (a common figure for adults
 * reading prose on a screen), rounded, at least one minute. Markdown's marks and the addresses of
 * links and pictures are not words and are not counted.
 */
final class ReadingTime {
  static final int WORDS_PER_MINUTE = 230;

  private static final Pattern NOT_READ =
      Pattern.compile("\\]\\([^)]*\\)|\\{\\{<[^>]*>\\}\\}|https?://\\S+|<[^>]+>");
  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019.,-][\\p{L}\\p{N}]+)*");

  private ReadingTime() {}

  static int words(String markdown) {
    Matcher matcher = WORD.matcher(NOT_READ.matcher(markdown).replaceAll(" "));
    int words = 0;
    while (matcher.find()) {
      words++;
    }
    return words;
  }

  static int minutes(String markdown) {
    return Math.max(1, Math.round(words(markdown) / (float) WORDS_PER_MINUTE));
  }
}
