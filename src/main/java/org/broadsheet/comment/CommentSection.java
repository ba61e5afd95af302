package org.broadsheet.comment;

import java.util.List;
import java.util.Locale;
import org.broadsheet.article.Article;
import org.broadsheet.article.Dateline;

/** What the comment section under an article shows. */
public record CommentSection(
    Article article, Dateline dates, List<CommentThread.Entry> thread, int count) {

  public String html(Comment comment) {
    return CommentText.toHtml(comment.body());
  }

  public String heading() {
    return count == 1 ? "1 comment" : "%,d comments".formatted(count);
  }

  /** Initials shown as a commenter's picture; no image service ever sees their email. */
  public String initials(Comment comment) {
    String[] words = comment.authorName().strip().split("\\s+");
    StringBuilder initials = new StringBuilder();
    for (String word : words) {
      if (!word.isEmpty() && initials.length() < 2) {
        initials.appendCodePoint(word.codePointAt(0));
      }
    }
    return initials.toString().toUpperCase(Locale.ROOT);
  }

  /** A stable colour for a commenter, from their name: the same reader looks the same. */
  public int hue(Comment comment) {
    return Math.floorMod(comment.authorName().strip().toLowerCase(Locale.ROOT).hashCode(), 360);
  }

  public String website(Comment comment) {
    String site = comment.authorWebsite();
    return site != null && site.matches("(?i)https?://[^\\s\"<>]+") ? site : null;
  }
}
