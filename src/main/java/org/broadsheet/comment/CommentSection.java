package org.broadsheet.comment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.broadsheet.article.Article;
import org.broadsheet.article.Dateline;

/**
 * What the comment section under an article shows: the thread, the reader's own comments that wait
 * for a moderator, and the form.
 *
 * @param shownToken signed time the form was rendered, for the minimum fill time
 * @param replyTo the comment the form answers, or null
 * @param closed why comments are closed, or null when they are open
 */
public record CommentSection(
    Article article,
    Dateline dates,
    List<CommentThread.Entry> thread,
    int count,
    CommentForm form,
    String shownToken,
    Comment replyTo,
    String closed,
    CommentSettings limits,
    Set<Long> readersOwn) {

  public String html(Comment comment) {
    return CommentText.toHtml(comment.body());
  }

  public String heading() {
    return count == 1 ? "1 comment" : "%,d comments".formatted(count);
  }

  public boolean awaitingModeration(Comment comment) {
    return comment.status() != CommentStatus.APPROVED;
  }

  public String action() {
    return article.path() + "/comments";
  }

  /** Initials shown as a commenter's picture; no image service ever sees their email. */
  public String initials(Comment comment) {
    StringBuilder initials = new StringBuilder();
    for (String word : comment.authorName().strip().split("\\s+")) {
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
