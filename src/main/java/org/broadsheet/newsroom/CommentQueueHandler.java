package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.audit.Actor;
import org.broadsheet.comment.CommentContext;
import org.broadsheet.comment.CommentModeration;
import org.broadsheet.comment.CommentQueue;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * The moderators' queue at /newsroom/comments: held, spam, trash and reported comments with their
 * context, decisions about one or many at once, and replies as the newsroom. The rules are {@link
 * CommentModeration}'s, the same the command line follows.
 */
final class CommentQueueHandler {
  static final String QUEUE = "/newsroom/comments";
  static final int PAGE_SIZE = 50;

  /** The most comments one form may decide about: more than a page's worth is never needed. */
  static final int MAX_AT_ONCE = 200;

  private final CommentModeration moderation;
  private final NewsroomAccess access;
  private final Supplier<ZoneId> zone;

  CommentQueueHandler(CommentModeration moderation, NewsroomAccess access, Supplier<ZoneId> zone) {
    this.moderation = moderation;
    this.access = access;
    this.zone = zone;
  }

  void page(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.MODERATE_COMMENTS);
    if (session.isEmpty()) {
      return;
    }
    CommentQueuePages.View view =
        view(ctx.queryParam("list"), ctx.queryParam("article"), ctx.queryParam("page"));
    show(ctx, session.get(), view, notice(ctx), null);
  }

  /** A decision about the comments ticked, or about one comment by its own button. */
  void decide(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.MODERATE_COMMENTS);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    CommentQueuePages.View view =
        view(ctx.formParam("list"), ctx.formParam("article"), ctx.formParam("page"));
    String one = ctx.formParam("one");
    Optional<CommentModeration.Decision> decision;
    List<Long> ids = new ArrayList<>();
    if (one != null) {
      String[] parts = one.split(":", 2);
      decision = decision(parts[0]);
      if (parts.length == 2 && parts[1].matches("\\d{1,18}")) {
        ids.add(Long.parseLong(parts[1]));
      }
    } else {
      decision = decision(ctx.formParam("action"));
      for (String id : ctx.formParams("id")) {
        if (id.matches("\\d{1,18}") && ids.size() < MAX_AT_ONCE) {
          ids.add(Long.parseLong(id));
        }
      }
    }
    if (decision.isEmpty() || ids.isEmpty()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(
          ctx,
          session.get(),
          view,
          null,
          decision.isEmpty()
              ? "Nothing was changed: choose what to do with the selected comments."
              : "Nothing was changed: select at least one comment, then choose what to do.");
      return;
    }
    long changed =
        moderation.decide(actor(ctx, session.get()), decision.get(), ids).stream()
            .filter(CommentModeration.Result.Changed.class::isInstance)
            .count();
    ctx.redirect(
        view.path(view.page()) + "&done=" + word(decision.get()) + "&count=" + changed,
        HttpStatus.SEE_OTHER);
  }

  void replyPage(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.MODERATE_COMMENTS);
    if (session.isEmpty()) {
      return;
    }
    CommentContext comment = answerable(ctx);
    showReply(ctx, session.get(), comment, listOf(ctx.queryParam("list")), "", null);
  }

  void reply(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.MODERATE_COMMENTS);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    CommentContext comment = answerable(ctx);
    String list = listOf(ctx.formParam("list"));
    String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
    User user = session.get().user();
    switch (moderation.reply(
        actor(ctx, session.get()), user.name(), comment.id(), text, Instant.now())) {
      case CommentModeration.ReplyOutcome.Published published ->
          ctx.redirect(
              QUEUE + "?list=" + list + "&replied=" + published.reply().id(), HttpStatus.SEE_OTHER);
      case CommentModeration.ReplyOutcome.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        showReply(ctx, session.get(), comment, list, text, refused.message());
      }
      case CommentModeration.ReplyOutcome.NotFound notFound -> throw new NotFoundResponse();
    }
  }

  private CommentContext answerable(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("\\d{1,18}")) {
      throw new NotFoundResponse();
    }
    return moderation
        .queue()
        .context(Long.parseLong(id))
        .filter(CommentContext::published)
        .orElseThrow(NotFoundResponse::new);
  }

  private void show(
      Context ctx, Session session, CommentQueuePages.View view, String notice, String problem) {
    CommentQueue.Page found =
        moderation
            .queue()
            .page(
                new CommentQueue.Query(
                    view.shelf(),
                    view.article().isEmpty() ? null : view.article(),
                    view.page(),
                    PAGE_SIZE));
    if (found.unknownArticle() && problem == null) {
      problem = "No article has the slug \"" + view.article() + "\".";
    }
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/comments.jte",
                new CommentQueuePages.Queue(
                    access.layout(),
                    new PageMeta(
                        "Comments: " + view.shelf().word(),
                        "The comments waiting for a moderator.",
                        QUEUE),
                    access.formToken(session),
                    view,
                    found,
                    zone.get(),
                    notice,
                    problem)));
  }

  private void showReply(
      Context ctx,
      Session session,
      CommentContext comment,
      String list,
      String text,
      String problem) {
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/comment-reply.jte",
                new CommentQueuePages.Reply(
                    access.layout(),
                    new PageMeta(
                        "Reply to " + comment.authorName(),
                        "Answer a comment as the newsroom.",
                        QUEUE + "/" + comment.id() + "/reply"),
                    access.formToken(session),
                    comment,
                    session.user().name(),
                    list,
                    text,
                    problem)));
  }

  /** What the last action did, from the address it answered with; null when nothing was done. */
  private static String notice(Context ctx) {
    String replied = ctx.queryParam("replied");
    if (replied != null && replied.matches("\\d{1,18}")) {
      return "Your reply is published.";
    }
    Optional<CommentModeration.Decision> done = decision(ctx.queryParam("done"));
    String count = ctx.queryParam("count");
    if (done.isEmpty() || count == null || !count.matches("\\d{1,4}")) {
      return null;
    }
    int n = Integer.parseInt(count);
    String comments = n == 1 ? "1 comment" : n + " comments";
    return switch (done.get()) {
      case APPROVE -> comments + " approved: published on the site.";
      case SPAM -> comments + " filed as spam.";
      case TRASH -> comments + " moved to the trash.";
      case RESTORE -> comments + " restored and held for a fresh decision.";
      case DISMISS_REPORTS -> "Reports of " + comments + " dismissed.";
    };
  }

  private static CommentQueuePages.View view(String list, String article, String page) {
    CommentQueue.Shelf shelf = CommentQueue.Shelf.parse(list).orElse(CommentQueue.Shelf.HELD);
    String slug = article == null ? "" : article.strip();
    if (slug.length() > 200) {
      slug = slug.substring(0, 200);
    }
    int number = 1;
    if (page != null && page.matches("\\d{1,6}")) {
      number = Math.max(1, Integer.parseInt(page));
    }
    return new CommentQueuePages.View(shelf, slug, number);
  }

  private static String listOf(String list) {
    return CommentQueue.Shelf.parse(list).orElse(CommentQueue.Shelf.REPORTED).word();
  }

  private static Optional<CommentModeration.Decision> decision(String word) {
    for (CommentModeration.Decision decision : CommentModeration.Decision.values()) {
      if (word(decision).equals(word)) {
        return Optional.of(decision);
      }
    }
    return Optional.empty();
  }

  /** The word a form sends for a decision: its audit action without "comment.". */
  private static String word(CommentModeration.Decision decision) {
    return decision.action().substring("comment.".length());
  }

  private static Actor actor(Context ctx, Session session) {
    return Actor.person(session.user().email(), WebServer.client(ctx).ip());
  }
}
