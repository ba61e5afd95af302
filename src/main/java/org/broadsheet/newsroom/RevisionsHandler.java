package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleService.SaveOutcome;
import org.broadsheet.article.Dateline;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.article.Revision;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * An article's revisions: every save listed, a readable difference between any two, and restoring
 * one (itself a new revision, so nothing is lost by restoring).
 */
final class RevisionsHandler {
  private final ArticleService articles;
  private final AuditService audit;
  private final NewsroomAccess access;
  private final EditorHandler editor;

  RevisionsHandler(
      ArticleService articles, AuditService audit, NewsroomAccess access, EditorHandler editor) {
    this.articles = articles;
    this.audit = audit;
    this.access = access;
    this.editor = editor;
  }

  static String path(long articleId) {
    return EditorHandler.editorPath(articleId) + "/revisions";
  }

  void page(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty()) {
      return;
    }
    if (!DeskRules.mayPreview(session.get().user())) {
      editor.notAllowed(ctx);
      return;
    }
    show(ctx, session.get(), editor.desk(ctx), null);
  }

  private void show(Context ctx, Session session, DeskArticle article, String problem) {
    List<Revision> revisions = articles.revisions(article.id());
    Long from = number(ctx.queryParam("from"));
    Long to = number(ctx.queryParam("to"));
    List<NewsroomPages.FieldChange> diff = null;
    if (from != null && to != null) {
      diff =
          articles
              .diff(from, to)
              .filter(d -> d.from().articleId() == article.id())
              .map(d -> d.changes().stream().map(NewsroomPages.FieldChange::of).toList())
              .orElse(null);
      if (diff == null && problem == null) {
        problem = "Choose two revisions of this article to compare.";
      }
    }
    Dateline dates = new Dateline(access.zone());
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/revisions.jte",
                new NewsroomPages.Revisions(
                    access.layout(),
                    new PageMeta(
                        "Revisions: " + article.headline(),
                        "Every save of the article.",
                        path(article.id())),
                    article.id(),
                    article.headline(),
                    access.formToken(session),
                    article.version(),
                    revisions.stream()
                        .map(
                            r ->
                                new NewsroomPages.RevisionLine(
                                    r.id(),
                                    r.version(),
                                    dates.text(r.savedAt()),
                                    r.savedAt().toString(),
                                    r.actor(),
                                    r.what()))
                        .toList(),
                    from,
                    to,
                    diff,
                    DeskRules.mayEdit(session.user(), article),
                    problem)));
  }

  void restore(Context ctx) {
    Optional<Session> signedIn = access.signedIn(ctx);
    if (signedIn.isEmpty()) {
      return;
    }
    Session session = signedIn.get();
    DeskArticle article = editor.desk(ctx);
    if (!DeskRules.mayEdit(session.user(), article)) {
      editor.notAllowed(ctx);
      return;
    }
    if (!access.formPasses(ctx, session)) {
      return;
    }
    Long revision = number(ctx.formParam("revision"));
    Long startedFrom = number(ctx.formParam("version"));
    if (revision == null) {
      throw new NotFoundResponse();
    }
    SaveOutcome outcome =
        articles.restoreRevision(
            article.id(),
            revision,
            startedFrom == null ? -1 : startedFrom,
            EditorHandler.actor(session));
    switch (outcome) {
      case SaveOutcome.Saved saved -> {
        editor.makeCardCrop(article.id());
        audit.record(
            new Actor(session.user().email(), WebServer.client(ctx).ip()),
            "article.revision-restore",
            article.slug(),
            "revision " + revision + " as version " + saved.version());
        ctx.redirect(
            EditorHandler.editorPath(article.id()) + "?done=restored", HttpStatus.SEE_OTHER);
      }
      case SaveOutcome.Stale stale -> {
        ctx.status(HttpStatus.CONFLICT);
        show(
            ctx,
            session,
            articles.desk(article.id()).orElse(article),
            "Not restored: the article was saved"
                + (stale.savedBy() == null ? "" : " by " + stale.savedBy())
                + " since you opened this page. Look again, then restore.");
      }
      case SaveOutcome.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        show(
            ctx,
            session,
            article,
            "Not restored: " + String.join("; ", refused.problems().values()) + ".");
      }
      case SaveOutcome.NotFound notFound -> throw new NotFoundResponse();
    }
  }

  private static Long number(String text) {
    return text != null && text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
  }
}
