package org.broadsheet.article;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an article's information comes from, listed for readers in the article's "Sources" box.
 *
 * @param link the public address of the source, empty when it has none
 * @param reason why a source is not named; required for an anonymous source
 */
public record Source(String name, Kind kind, String link, String reason) {

  public enum Kind {
    NAMED_PERSON("named person"),
    ORGANISATION("organisation"),
    DOCUMENT("document"),
    DATA("data"),
    ANONYMOUS("anonymous");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public static Optional<Kind> parse(String word) {
      return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    public static String words() {
      return String.join(", ", Arrays.stream(values()).map(Kind::word).toList());
    }
  }

  /** What readers see as the source's name: an anonymous one is never named. */
  public String shownName() {
    return kind == Kind.ANONYMOUS && name.isBlank() ? "Anonymous source" : name;
  }
}
