package org.broadsheet.proofread;

import java.util.List;

/**
 * One thing the proofreader found.
 *
 * @param file the file as given, or for a stored article its slug (the body) or its slug and field
 *     (slug#headline, slug#kicker, slug#standfirst, slug#caption)
 * @param line 1-based line in that file or text
 * @param column 1-based column, in characters
 * @param text the words found at fault, as written
 * @param message what is wrong
 * @param suggestions replacements, best first (at most five)
 * @param rule the LanguageTool rule that found it, e.g. MORFOLOGIK_RULE_EN_GB for spelling
 */
public record Finding(
    String file,
    int line,
    int column,
    String text,
    String message,
    List<String> suggestions,
    String rule) {

  /** One line, as compilers and linters print their findings: FILE:LINE:COLUMN: … */
  public String asLine() {
    String line = "%s:%d:%d: %s: %s".formatted(file, this.line, column, text, message);
    return suggestions.isEmpty()
        ? line
        : line + " (suggestions: " + String.join(", ", suggestions) + ")";
  }
}
