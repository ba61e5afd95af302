package org.broadsheet.comment;

import java.util.Locale;
import java.util.Optional;

/** Where a comment stands: only approved comments are shown to everyone. */
public enum CommentStatus {
  HELD,
  APPROVED,
  SPAM,
  TRASH;

  public static Optional<CommentStatus> parse(String text) {
    for (CommentStatus status : values()) {
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
