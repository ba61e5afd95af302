package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.broadsheet.article.Correction;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.article.Dateline;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * An article's corrections and updates on the desk: editors add one, change one (the reason kept)
 * or withdraw one (it stays listed, withdrawn, with why); the same service and history as the
 * `corrections` command, each change in the audit log. Readers see them on the article's page, in
 * its feeds and on /corrections at once.
 */
final class CorrectionsHandler {
  private final CorrectionService corrections;
  private final AuditService audit;
  private final NewsroomAccess access;
  private final EditorHandler editor;

  CorrectionsHandler(
      CorrectionService corrections,
      AuditService audit,
      NewsroomAccess access,
      EditorHandler editor) {
    this.corrections = corrections;
    this.audit = audit;
    this.access = access;
    this.editor = editor;
  }

  static String path(long articleId) {
    return EditorHandler.editorPath(articleId) + "/corrections";
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
    DeskArticle article = editor.desk(ctx);
    String done = ctx.queryParam("done");
    show(
        ctx,
        session.get(),
        article,
        done == null ? null : NOTICES.getOrDefault(done, null),
        null,
        NewsroomPages.CorrectionForm.EMPTY);
  }

  private static final java.util.Map<String, String> NOTICES =
      java.util.Map.of(
          "added", "Added: readers see it on the article's page, in its feeds and on /corrections.",
          "edited", "Changed; what it said before is kept in its history with your reason.",
          "withdrawn",
              "Withdrawn: readers no longer see it; it stays listed here with the reason.");

  void change(Context ctx) {
    Optional<Session> signedIn = access.allowed(ctx, Permission.PUBLISH);
    if (signedIn.isEmpty()) {
      return;
    }
    Session session = signedIn.get();
    DeskArticle article = editor.desk(ctx);
    if (!access.formPasses(ctx, session)) {
      return;
    }
    NewsroomPages.CorrectionForm form =
        new NewsroomPages.CorrectionForm(
            field(ctx, "correction"),
            field(ctx, "kind"),
            field(ctx, "text"),
            field(ctx, "date"),
            field(ctx, "reason"));
    String op = field(ctx, "op");
    org.broadsheet.article.Actor writer = EditorHandler.actor(session);
    CorrectionService.Outcome outcome;
    String action;
    try {
      switch (op) {
        case "add" -> {
          action = "added";
          outcome =
              corrections.add(
                  article.slug(),
                  kind(form.kind()),
                  form.text(),
                  date(form.date(), access.zone()),
                  writer);
        }
        case "edit", "withdraw" -> {
          Long id = ownCorrection(article, form.correction());
          if (id == null) {
            ctx.status(HttpStatus.NOT_FOUND);
            show(
                ctx, session, article, null, "That correction is not one of this article's.", form);
            return;
          }
          if (op.equals("edit")) {
            action = "edited";
            outcome =
                corrections.edit(
                    id,
                    kind(form.kind()),
                    form.text(),
                    form.date().isEmpty() ? null : date(form.date(), access.zone()),
                    form.reason(),
                    writer);
          } else {
            action = "withdrawn";
            outcome = corrections.withdraw(id, form.reason(), writer);
          }
        }
        default -> {
          ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
          show(ctx, session, article, null, "Choose to add, change or withdraw.", form);
          return;
        }
      }
    } catch (IllegalArgumentException problem) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(ctx, session, article, null, problem.getMessage(), form);
      return;
    }
    switch (outcome) {
      case CorrectionService.Outcome.Done done -> {
        Correction c = done.correction();
        audit.record(
            new Actor(session.user().email(), WebServer.client(ctx).ip()),
            "correction." + (op.equals("withdraw") ? "withdraw" : op),
            article.slug(),
            c.kind().word()
                + " "
                + c.id()
                + (op.equals("add") ? ": " + c.text() : ": " + form.reason().strip()));
        ctx.redirect(path(article.id()) + "?done=" + action, HttpStatus.SEE_OTHER);
      }
      case CorrectionService.Outcome.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        show(ctx, session, article, null, "Nothing was changed: " + refused.problem() + ".", form);
      }
      case CorrectionService.Outcome.NotFound notFound -> {
        ctx.status(HttpStatus.NOT_FOUND);
        show(ctx, session, article, null, "Nothing was changed: " + notFound.what() + ".", form);
      }
    }
  }

  /** The correction's id when it is one of this article's; null otherwise. */
  private Long ownCorrection(DeskArticle article, String id) {
    if (!id.matches("\\d{1,18}")) {
      return null;
    }
    long wanted = Long.parseLong(id);
    return corrections.list(article.slug(), 1000).orElse(List.of()).stream()
            .anyMatch(traced -> traced.correction().id() == wanted)
        ? wanted
        : null;
  }

  private static Correction.Kind kind(String word) {
    return Correction.Kind.parse(word)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Nothing was changed: the kind must be one of "
                        + Correction.Kind.words()
                        + "."));
  }

  /** A date and time typed in the site's time zone; empty means now. */
  private static Instant date(String typed, ZoneId zone) {
    if (typed.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(typed).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Nothing was changed: \"" + typed + "\" is not a date and time; write 2026-11-26T14:05.");
    }
  }

  private void show(
      Context ctx,
      Session session,
      DeskArticle article,
      String notice,
      String problem,
      NewsroomPages.CorrectionForm form) {
    WebServer.keepOwnPage(ctx);
    Dateline dates = new Dateline(access.zone());
    List<NewsroomPages.CorrectionLine> lines =
        corrections.list(article.slug(), 1000).orElse(List.of()).stream()
            .map(
                traced ->
                    new NewsroomPages.CorrectionLine(
                        traced.correction(),
                        dates.text(traced.correction().date()),
                        traced.history().stream()
                            .map(
                                change ->
                                    dates.text(change.at())
                                        + ": "
                                        + change.action()
                                        + " ("
                                        + change.reason()
                                        + "); it said: "
                                        + change.textBefore())
                            .toList()))
            .toList();
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/corrections.jte",
                new NewsroomPages.CorrectionsDesk(
                    access.layout(),
                    new PageMeta(
                        "Corrections: " + article.headline(),
                        "The article's corrections and updates.",
                        path(article.id())),
                    article.id(),
                    article.headline(),
                    "/articles/" + article.slug(),
                    access.formToken(session),
                    lines,
                    List.of(Correction.Kind.values()),
                    session.may(Permission.PUBLISH),
                    notice,
                    problem,
                    form)));
  }

  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }
}
