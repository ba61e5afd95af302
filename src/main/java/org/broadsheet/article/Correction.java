package org.broadsheet.article;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A correction, clarification, update or editor's note on a published article, shown on its page
 * and on the site's corrections page. One that is taken back stays, withdrawn with its reason.
 *
 * @param date when the correction was made, as readers see it
 * @param withdrawnAt when it was withdrawn; null while it stands
 */
public record Correction(
    long id,
    long articleId,
    String articleSlug,
    String articleHeadline,
    Kind kind,
    Instant date,
    String text,
    Instant withdrawnAt,
    String withdrawnReason) {
  public static final int MAX_TEXT_CHARS = 5000;

  public enum Kind {
    CORRECTION("correction", "Correction"),
    CLARIFICATION("clarification", "Clarification"),
    UPDATE("update", "Update"),
    EDITORS_NOTE("editor's note", "Editor's note");

    private final String word;
    private final String label;

    Kind(String word, String label) {
      this.word = word;
      this.label = label;
    }

    public String word() {
      return word;
    }

    public String label() {
      return label;
    }

    /** "editor's note", "editors-note" and "editors_note" are all the editor's note. */
    public static Optional<Kind> parse(String word) {
      String plain = word == null ? "" : word.strip().toLowerCase(java.util.Locale.ROOT);
      return Arrays.stream(values())
          .filter(
              k ->
                  k.word.equals(plain)
                      || k.name().toLowerCase(java.util.Locale.ROOT).equals(plain.replace('-', '_'))
                      || k.word.replace("'", "").replace(' ', '-').equals(plain))
          .findFirst();
    }

    public static String words() {
      return "correction, clarification, update, editor's note";
    }
  }

  public boolean withdrawn() {
    return withdrawnAt != null;
  }

  public String articlePath() {
    return Article.pathOf(articleSlug);
  }
}
