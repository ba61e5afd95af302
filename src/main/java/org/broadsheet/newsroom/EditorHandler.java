package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleService.SaveOutcome;
import org.broadsheet.article.Author;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.article.Section;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.media.MediaService;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * The article editor: a new article, an existing one, and its preview as readers will see it. Every
 * save is checked on the server (who may, the form's origin and token, the article's rules), and
 * whatever refuses it shows the form again with every word the writer typed.
 */
final class EditorHandler {
  static final String ARTICLES = "/newsroom/articles";
  static final String NEW = ARTICLES + "/new";

  private final ArticleService articles;
  private final MediaService media;
  private final ArticlePages pages;
  private final AuditService audit;
  private final NewsroomAccess access;

  EditorHandler(
      ArticleService articles,
      MediaService media,
      ArticlePages pages,
      AuditService audit,
      NewsroomAccess access) {
    this.articles = articles;
    this.media = media;
    this.pages = pages;
    this.audit = audit;
    this.access = access;
  }

  static String editorPath(long id) {
    return ARTICLES + "/" + id;
  }

  static String previewPath(long id) {
    return editorPath(id) + "/preview";
  }

  void newPage(Context ctx) {
    access
        .allowed(ctx, Permission.WRITE_OWN_DRAFTS)
        .ifPresent(
            session ->
                show(ctx, session, null, EditorForm.blank(byline(session.user())), Map.of(), null));
  }

  void create(Context ctx) {
    Optional<Session> signedIn = access.session(ctx);
    if (signedIn.isEmpty()) {
      keepAcrossSignIn(ctx);
      return;
    }
    Optional<Session> allowed = access.allowed(ctx, Permission.WRITE_OWN_DRAFTS);
    if (allowed.isEmpty() || !access.formPasses(ctx, allowed.get())) {
      return;
    }
    Session session = allowed.get();
    EditorForm form = EditorForm.read(ctx::formParam);
    switch (form.draft(null, Instant.now(), this::pictureExists)) {
      case EditorForm.Reading.Problems problems -> refused(ctx, session, null, form, problems);
      case EditorForm.Reading.Draft draft -> {
        SaveOutcome outcome = articles.create(draft.draft(), draft.seo(), form.commentsOpen());
        saved(ctx, session, null, form, outcome, "article.create");
      }
    }
  }

  void editPage(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty()) {
      return;
    }
    Article article = article(ctx);
    if (!EditorRights.mayEdit(session.get().user(), article)) {
      notAllowed(ctx);
      return;
    }
    String notice = ctx.queryParam("saved") != null ? "Saved." : null;
    show(
        ctx,
        session.get(),
        article,
        EditorForm.of(article, articles.seo(article.id()), ""),
        Map.of(),
        notice);
  }

  void save(Context ctx) {
    Optional<Session> signedIn = access.session(ctx);
    if (signedIn.isEmpty()) {
      keepAcrossSignIn(ctx);
      return;
    }
    Session session = signedIn.get();
    Article article = article(ctx);
    if (!EditorRights.mayEdit(session.user(), article)) {
      notAllowed(ctx);
      return;
    }
    if (!access.formPasses(ctx, session)) {
      return;
    }
    EditorForm form = EditorForm.read(ctx::formParam);
    switch (form.draft(article, Instant.now(), this::pictureExists)) {
      case EditorForm.Reading.Problems problems -> refused(ctx, session, article, form, problems);
      case EditorForm.Reading.Draft draft -> {
        SaveOutcome outcome =
            articles.update(article.id(), draft.draft(), draft.seo(), form.commentsOpen());
        saved(ctx, session, article, form, outcome, "article.edit");
      }
    }
  }

  /** The article exactly as readers will see it, before anything is public; never cached. */
  void preview(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty()) {
      return;
    }
    if (!EditorRights.mayPreview(session.get().user())) {
      notAllowed(ctx);
      return;
    }
    Article article = article(ctx);
    NewsroomAccess.html(ctx, pages.render(article, BelowTheArticle.Below.NOTHING));
  }

  /**
   * After signing in again, the form as it was sent when the session had expired: nothing is saved
   * yet, and the writer sends it again.
   */
  void resume(Context ctx, Session session, String path, Map<String, String> kept) {
    EditorForm form = EditorForm.read(kept::get);
    String notice =
        "Your session had ended, so nothing was saved yet. Everything you typed is below: save"
            + " again to keep it.";
    if (path.equals(NEW) && EditorRights.mayWrite(session.user())) {
      show(ctx, session, null, form, Map.of(), notice);
      return;
    }
    Optional<Article> article = idIn(path).flatMap(articles::byId);
    if (article.isPresent() && EditorRights.mayEdit(session.user(), article.get())) {
      show(ctx, session, article.get(), form, Map.of(), notice);
      return;
    }
    ctx.redirect(NewsroomAccess.localPath(path), HttpStatus.SEE_OTHER);
  }

  private void saved(
      Context ctx,
      Session session,
      Article article,
      EditorForm form,
      SaveOutcome outcome,
      String action) {
    switch (outcome) {
      case SaveOutcome.Saved saved -> {
        audit.record(
            new Actor(session.user().email(), WebServer.client(ctx).ip()),
            action,
            form.slug().isEmpty() ? Long.toString(saved.id()) : form.slug(),
            "");
        boolean preview = ctx.formParam("preview") != null;
        ctx.redirect(
            preview ? previewPath(saved.id()) : editorPath(saved.id()) + "?saved",
            HttpStatus.SEE_OTHER);
      }
      case SaveOutcome.Refused refused ->
          refused(ctx, session, article, form, new EditorForm.Reading.Problems(refused.problems()));
      case SaveOutcome.NotFound notFound -> throw new NotFoundResponse();
    }
  }

  private void refused(
      Context ctx,
      Session session,
      Article article,
      EditorForm form,
      EditorForm.Reading.Problems problems) {
    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    show(ctx, session, article, form, problems.problems(), null);
  }

  private void show(
      Context ctx,
      Session session,
      Article article,
      EditorForm form,
      Map<String, String> problems,
      String notice) {
    String heading = article == null ? "New article" : "Edit: " + article.headline();
    String path = article == null ? NEW : editorPath(article.id());
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/editor.jte",
                new NewsroomPages.Editor(
                    access.layout(),
                    new PageMeta(heading, "The newsroom's article editor.", path),
                    heading,
                    path,
                    access.formToken(session),
                    form,
                    new LinkedHashMap<>(problems),
                    notice,
                    articles.sections().stream().map(Section::name).toList(),
                    articles.authors().stream().map(Author::name).toList(),
                    article == null ? null : article.id(),
                    article == null ? null : article.status().word(),
                    article == null ? null : article.path(),
                    null,
                    List.of(),
                    access.zone().getId())));
  }

  /**
   * A form sent after its session ended: the sign-in form, carrying everything typed, which the
   * editor shows again once signed in. Nothing is stored meanwhile.
   */
  private void keepAcrossSignIn(Context ctx) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : ctx.formParamMap().keySet()) {
      if (EditorForm.FIELDS.contains(name) || name.startsWith("source-")) {
        kept.put(name, ctx.formParam(name));
      }
    }
    if (ctx.cookie(NewsroomAccess.SESSION_COOKIE) != null) {
      access.endCookie(ctx);
    }
    ctx.status(HttpStatus.UNAUTHORIZED);
    WebServer.keepOwnPage(ctx);
    access.showSignIn(
        ctx,
        "",
        ctx.path(),
        "Your session has ended, so nothing was saved yet. Sign in again and everything you typed"
            + " will be back in the editor.",
        true,
        kept);
  }

  private Article article(Context ctx) {
    return idIn(ctx.path()).flatMap(articles::byId).orElseThrow(NotFoundResponse::new);
  }

  /** The article's number in an editor path: /newsroom/articles/12 or …/12/preview. */
  private static Optional<Long> idIn(String path) {
    String rest = path.startsWith(ARTICLES + "/") ? path.substring(ARTICLES.length() + 1) : "";
    String number = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    return number.matches("\\d{1,18}") ? Optional.of(Long.parseLong(number)) : Optional.empty();
  }

  private boolean pictureExists(long id) {
    return media.find(id).isPresent();
  }

  private String byline(User user) {
    return user.authorSlug().isEmpty()
        ? user.name()
        : articles.author(user.authorSlug()).map(Author::name).orElse(user.name());
  }

  private void notAllowed(Context ctx) {
    access.refuse(
        ctx,
        HttpStatus.FORBIDDEN,
        "Not allowed",
        "Your role in the newsroom does not allow this. Nothing was changed.");
  }
}
