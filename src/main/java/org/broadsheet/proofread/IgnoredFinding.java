package org.broadsheet.proofread;

/**
 * A finding an editor chose to ignore in one article: that rule on those words is right there (a
 * quoted misspelling, a deliberate fragment).
 *
 * @param rule the rule that found it, as in {@link Finding#rule()}
 * @param words the words found at fault, as in {@link Finding#text()}
 */
public record IgnoredFinding(String rule, String words) {
  /** The longest words an ignored finding keeps: longer findings are sentences, not words. */
  public static final int MAX_WORDS_CHARS = 200;

  public static IgnoredFinding of(Finding finding) {
    return new IgnoredFinding(finding.rule(), finding.text());
  }

  public boolean matches(Finding finding) {
    return rule.equals(finding.rule()) && words.equals(finding.text());
  }
}
