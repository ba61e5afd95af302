package org.broadsheet.article;

import java.util.Locale;
import java.util.Optional;

/** Only published articles are shown to readers. */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED;

  public static Optional<ArticleStatus> parse(String text) {
    for (ArticleStatus status : values()) {
      if (status.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
