package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleService.MoveOutcome;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Dateline;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.proofread.Finding;
import org.broadsheet.web.WebServer;

/**
 * The workflow's buttons, from the editor and the articles list: submit for review, schedule,
 * publish, unpublish, trash, restore. {@link ArticleWorkflow} decides who may, on the server,
 * before anything changes; each move is recorded in the audit log.
 */
final class MoveHandler {
  private final ArticleService articles;
  private final AuditService audit;
  private final NewsroomAccess access;
  private final EditorHandler editor;
  private final ProofreadingHandler proofreading;

  MoveHandler(
      ArticleService articles,
      AuditService audit,
      NewsroomAccess access,
      EditorHandler editor,
      ProofreadingHandler proofreading) {
    this.proofreading = proofreading;
    this.articles = articles;
    this.audit = audit;
    this.access = access;
    this.editor = editor;
  }

  void move(Context ctx) {
    Optional<Session> signedIn = access.signedIn(ctx);
    if (signedIn.isEmpty()) {
      return;
    }
    Session session = signedIn.get();
    DeskArticle article = editor.desk(ctx);
    Optional<ArticleStatus> to = ArticleStatus.parse(ctx.formParam("to"));
    if (to.isEmpty() || !DeskRules.mayMove(session.user(), article, to.get())) {
      editor.notAllowed(ctx);
      return;
    }
    if (!access.formPasses(ctx, session)) {
      return;
    }
    // The state the person saw: a move made meanwhile by someone else is refused, not repeated.
    ArticleStatus from = ArticleStatus.parse(ctx.formParam("from")).orElse(article.status());
    List<Finding> open = proofreading.openBeforePublishing(article, to.get());
    if (!open.isEmpty() && ctx.formParam("anyway") == null) {
      proofreading.askPublishAnyway(ctx, session, article, to.get(), open);
      return;
    }
    MoveOutcome outcome;
    if (to.get() == ArticleStatus.SCHEDULED) {
      Optional<Instant> at = time(ctx.formParam("at"));
      if (at.isEmpty()) {
        back(
            ctx,
            session,
            article,
            "Write the date and time to publish at as 2026-11-30T09:00 (time zone "
                + access.zone().getId()
                + ").");
        return;
      }
      outcome = articles.schedule(article.id(), from, at.get(), EditorHandler.actor(session));
    } else {
      outcome = articles.move(article.id(), from, to.get(), EditorHandler.actor(session));
    }
    switch (outcome) {
      case MoveOutcome.Moved moved -> {
        String detail = moved.from().word() + " → " + moved.article().status().word();
        if (moved.article().status() == ArticleStatus.SCHEDULED) {
          detail += " at " + new Dateline(access.zone()).text(moved.article().publishedAt());
        }
        audit.record(
            new Actor(session.user().email(), WebServer.client(ctx).ip()),
            DeskRules.auditAction(moved.from(), moved.article().status()),
            moved.article().slug(),
            detail);
        if (!open.isEmpty()) {
          proofreading.recordPublishAnyway(
              ctx, session, moved.article().slug(), open.size(), to.get().word());
        }
        String done = moved.article().status().word();
        ctx.redirect(
            "list".equals(ctx.formParam("back"))
                ? EditorHandler.ARTICLES + "?done=" + done
                : EditorHandler.editorPath(article.id()) + "?done=" + done,
            HttpStatus.SEE_OTHER);
      }
      case MoveOutcome.Refused refused -> back(ctx, session, article, refused.reason());
      case MoveOutcome.NotFound notFound -> throw new io.javalin.http.NotFoundResponse();
    }
  }

  /** A date and time as a datetime-local field sends it, in the site's time zone. */
  private Optional<Instant> time(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.strip()).atZone(access.zone()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The editor again, with why the move was not made; nothing was changed. */
  private void back(Context ctx, Session session, DeskArticle article, String reason) {
    ctx.status(HttpStatus.CONFLICT);
    DeskArticle now = articles.desk(article.id()).orElse(article);
    editor.show(
        ctx,
        session,
        now,
        editor.stored(now),
        Map.of("move", "Not done: " + reason + ". Nothing was changed."),
        null);
  }
}
