package org.broadsheet.article;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an article stands on its way to readers. Only published articles whose time has come are
 * shown to readers; a scheduled one becomes published when its time comes. Who may move an article
 * from one state to another is the newsroom's rule, not the article's.
 */
public enum ArticleStatus {
  DRAFT("draft", "Draft"),
  IN_REVIEW("in-review", "In review"),
  SCHEDULED("scheduled", "Scheduled"),
  PUBLISHED("published", "Published"),
  /** Taken down: no longer shown to readers, kept for the newsroom. */
  UNPUBLISHED("unpublished", "Unpublished"),
  /** Thrown away, restorable as a draft. */
  TRASH("trash", "Trash");

  private final String word;
  private final String label;

  ArticleStatus(String word, String label) {
    this.word = word;
    this.label = label;
  }

  /** "in-review", "in review", "in_review" and "IN_REVIEW" all name the same state. */
  public static Optional<ArticleStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    for (ArticleStatus status : values()) {
      if (status.word.equals(wanted)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** The state as stored, written on the command line and in JSON: "in-review". */
  public String word() {
    return word;
  }

  /** The state as a person reads it: "In review". */
  public String label() {
    return label;
  }

  /** "draft, in-review, scheduled, published, unpublished or trash", for messages. */
  public static String choices() {
    StringBuilder text = new StringBuilder();
    ArticleStatus[] all = values();
    for (int i = 0; i < all.length; i++) {
      text.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].word);
    }
    return text.toString();
  }
}
