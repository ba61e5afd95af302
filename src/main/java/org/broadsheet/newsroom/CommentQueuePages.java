package org.broadsheet.newsroom;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.broadsheet.comment.CommentContext;
import org.broadsheet.comment.CommentQueue;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** What the pages of the moderators' queue show. */
public final class CommentQueuePages {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private CommentQueuePages() {}

  /** A list of the queue and its tab, as its address names it. */
  public record View(CommentQueue.Shelf shelf, String article, int page) {
    /** The list's address, on page `number`. */
    public String path(int number) {
      return CommentQueueHandler.QUEUE
          + "?list="
          + shelf.word()
          + (article.isEmpty()
              ? ""
              : "&article="
                  + java.net.URLEncoder.encode(article, java.nio.charset.StandardCharsets.UTF_8))
          + (number > 1 ? "&page=" + number : "");
    }

    /** Another list, keeping the article filter. */
    public String tab(CommentQueue.Shelf other) {
      return new View(other, article, 1).path(1);
    }

    /** This list, narrowed to one article. */
    public String onlyArticle(String slug) {
      return new View(shelf, slug, 1).path(1);
    }
  }

  /**
   * One page of a list.
   *
   * @param notice what the last action did, or null
   * @param problem why the last form was refused, or null
   */
  public record Queue(
      Layout layout,
      PageMeta meta,
      String csrf,
      View view,
      CommentQueue.Page found,
      ZoneId zone,
      String notice,
      String problem) {

    public List<CommentQueue.Shelf> shelves() {
      return List.of(CommentQueue.Shelf.values());
    }

    public String title(CommentQueue.Shelf shelf) {
      return switch (shelf) {
        case HELD -> "Held";
        case SPAM -> "Spam";
        case TRASH -> "Trash";
        case REPORTED -> "Reported";
      };
    }

    public int count(CommentQueue.Shelf shelf) {
      return found.counts().getOrDefault(shelf, 0);
    }

    public String time(CommentContext comment) {
      return SHOWN.format(comment.time().atZone(zone));
    }

    /** The decisions that make sense for the comments of this list, in the order shown. */
    public List<Action> actions() {
      return switch (view.shelf()) {
        case HELD ->
            List.of(
                new Action("approve", "Approve"),
                new Action("spam", "Spam"),
                new Action("trash", "Trash"));
        case SPAM, TRASH ->
            List.of(new Action("restore", "Restore"), new Action("approve", "Approve"));
        case REPORTED ->
            List.of(
                new Action("dismiss-reports", "Dismiss reports"),
                new Action("trash", "Trash"),
                new Action("spam", "Spam"));
      };
    }

    public String reasons(CommentContext comment) {
      StringBuilder text = new StringBuilder();
      comment
          .reports()
          .forEach(
              (reason, count) ->
                  text.append(text.isEmpty() ? "" : ", ")
                      .append(reason.isEmpty() ? "no reason given" : reason)
                      .append(count > 1 ? " (" + count + ")" : ""));
      return text.toString();
    }

    public String excerpt(String text) {
      String line = text.replaceAll("\\s+", " ").strip();
      return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }

    public String previous() {
      return view.page() > 1 ? view.path(view.page() - 1) : null;
    }

    public String next() {
      return found.more() ? view.path(view.page() + 1) : null;
    }
  }

  /**
   * A decision a button or the list's menu sends.
   *
   * @param word what the form sends
   */
  public record Action(String word, String label) {}

  /**
   * The form that answers a comment as the newsroom.
   *
   * @param text the reply as typed, kept when refused
   */
  public record Reply(
      Layout layout,
      PageMeta meta,
      String csrf,
      CommentContext comment,
      String staffName,
      String list,
      String text,
      String problem) {}
}
