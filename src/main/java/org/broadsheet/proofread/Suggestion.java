package org.broadsheet.proofread;

import java.util.Optional;

/**
 * A suggestion applied where its finding points: the words at that line and column of the text as
 * the writer last sent it are replaced, and only if they are still the words found there.
 */
public final class Suggestion {
  private Suggestion() {}

  /**
   * The text with the words at line and column (1-based, columns in characters as {@link Finding}
   * counts them) replaced; empty when those words are no longer there, so nothing is changed behind
   * the writer's back.
   */
  public static Optional<String> apply(
      String text, int line, int column, String words, String replacement) {
    int offset = offset(text, line, column);
    if (offset < 0 || words.isEmpty() || !text.startsWith(words, offset)) {
      return Optional.empty();
    }
    return Optional.of(
        text.substring(0, offset) + replacement + text.substring(offset + words.length()));
  }

  /** Where line and column fall in the text, or -1 when past its end. */
  static int offset(String text, int line, int column) {
    if (line < 1 || column < 1) {
      return -1;
    }
    int lineStart = 0;
    for (int current = 1; current < line; current++) {
      int newline = text.indexOf('\n', lineStart);
      if (newline < 0) {
        return -1;
      }
      lineStart = newline + 1;
    }
    int offset = lineStart;
    for (int counted = 1; counted < column; counted++) {
      if (offset >= text.length() || text.charAt(offset) == '\n') {
        return -1;
      }
      offset = text.offsetByCodePoints(offset, 1);
    }
    return offset;
  }
}
