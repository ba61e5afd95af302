package org.broadsheet.comment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.broadsheet.article.Article;
import org.broadsheet.article.Dateline;

/**
 * What the comment section under an article shows: one page of the thread, the reader's own
 * comments that wait for a moderator, and the form (under the comment answered, when replying).
 *
 * @param thread the top-level comments of this page, with their replies
 * @param count approved comments on the article
 * @param page this page of the thread, from 1 (the article's own page)
 * @param pageCount how many pages the thread has
 * @param shownToken signed time the form was rendered, for the minimum fill time
 * @param replyTo the comment the form answers, or null
 * @param closed why comments are closed, or null when they are open
 */
public record CommentSection(
    Article article,
    Dateline dates,
    List<CommentThread.Entry> thread,
    int count,
    int page,
    int pageCount,
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

  /**
   * The section's heading: the count, or, while nothing is published, the reader's own comments
   * waiting for a moderator, or an invitation to be the first.
   */
  public String title() {
    if (count > 0) {
      return heading() + " on \"" + article.headline() + "\"";
    }
    if (!thread.isEmpty()) {
      return thread.size() == 1 && thread.getFirst().replies().isEmpty()
          ? "Your comment, awaiting moderation"
          : "Your comments, awaiting moderation";
    }
    return "Be the first to comment on \"" + article.headline() + "\"";
  }

  /** Page `number` of the thread: page 1 is the article itself, later pages have their own path. */
  public String pagePath(int number) {
    return CommentSection.pagePath(article, number);
  }

  /** A comment's permalink: it answers with the page of the thread that holds the comment now. */
  static String permalink(long commentId) {
    return "/comments/" + commentId;
  }

  /** Where a comment is shown: its page of the thread, at the comment. */
  static String location(Article article, int page, long commentId, String personal) {
    String path = pagePath(article, page);
    String query = personal == null ? "" : (page <= 1 ? "?" : "&") + personal;
    return path + query + "#comment-" + commentId;
  }

  static String pagePath(Article article, int number) {
    return number <= 1 ? article.path() : article.path() + "/comments?page=" + number;
  }

  /** The reply link: this page again, made for one reader, with the form under the comment. */
  public String replyHref(Comment comment) {
    return pagePath(page) + (page <= 1 ? "?" : "&") + "replyto=" + comment.id() + "#respond";
  }

  /** The report form: one address for every reader, so the page stays the same for all. */
  public String reportHref(Comment comment) {
    return "/comments/" + comment.id() + "/report";
  }

  /** Whether the form goes right under this comment: the reader is answering it. */
  public boolean replyingTo(Comment comment) {
    return replyTo != null && replyTo.id() == comment.id();
  }

  /** Where "Leave a comment" leads: the form, at the foot of this page once no reply is open. */
  public String leaveCommentHref() {
    return replyTo == null ? "#respond" : pagePath(page) + "#respond";
  }

  public boolean open() {
    return closed == null;
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
