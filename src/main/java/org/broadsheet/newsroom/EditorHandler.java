package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.Actor;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleService.SaveOutcome;
import org.broadsheet.article.Author;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.article.Revision;
import org.broadsheet.article.Section;
import org.broadsheet.audit.AuditService;
import org.broadsheet.media.Crop;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.PictureIntake;
import org.broadsheet.media.PictureLibraryService;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * The article editor: a new article, an existing one, and its preview as readers will see it. Every
 * save is checked on the server (who may, the form's origin and token, the article's rules, the
 * version the writer started from), and whatever refuses it shows the form again with every word
 * the writer typed.
 */
final class EditorHandler {
  static final String ARTICLES = "/newsroom/articles";
  static final String NEW = ARTICLES + "/new";

  private final ArticleService articles;
  private final MediaService media;
  private final PictureDeskService pictures;
  private final ArticlePages pages;
  private final AuditService audit;
  private final NewsroomAccess access;
  private final Conflicts conflicts;
  private final EditorProofreading proofreading;

  EditorHandler(
      ArticleService articles,
      MediaService media,
      PictureDeskService pictures,
      ArticlePages pages,
      AuditService audit,
      NewsroomAccess access,
      EditorProofreading proofreading) {
    this.proofreading = proofreading;
    this.articles = articles;
    this.media = media;
    this.pictures = pictures;
    this.pages = pages;
    this.audit = audit;
    this.access = access;
    this.conflicts = new Conflicts(articles, access::zone);
  }

  static String editorPath(long id) {
    return ARTICLES + "/" + id;
  }

  static String previewPath(long id) {
    return editorPath(id) + "/preview";
  }

  static Actor actor(Session session) {
    return Actor.person(session.user().id(), session.user().email());
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
    if (allowed.isEmpty()) {
      return;
    }
    Session session = allowed.get();
    Optional<EditorSubmission> sent = EditorSubmission.receive(ctx, session, access);
    if (sent.isEmpty()) {
      return;
    }
    EditorForm form = EditorForm.read(sent.get()::field);
    store(ctx, session, null, null, form, sent.get());
  }

  /**
   * Saves the form over the stored article (null: a new one); a picture file sent with it is
   * checked as every picture is, and stored with the article, both or neither.
   */
  private void store(
      Context ctx,
      Session session,
      DeskArticle desk,
      ArticleDraft stored,
      EditorForm form,
      EditorSubmission sent) {
    boolean uploading = sent.hasFile();
    switch (form.draft(stored, Instant.now(), this::pictureExists, uploading)) {
      case EditorForm.Reading.Problems problems ->
          refused(ctx, session, desk, form, withFileNotStored(problems.problems(), uploading));
      case EditorForm.Reading.Draft draft when !uploading -> {
        SaveOutcome outcome =
            desk == null
                ? articles.create(draft.draft(), draft.seo(), form.commentsOpen(), actor(session))
                : articles.update(
                    desk.id(),
                    startedFrom(form),
                    draft.draft(),
                    draft.seo(),
                    form.commentsOpen(),
                    actor(session));
        saved(ctx, session, desk, form, outcome, sent);
      }
      case EditorForm.Reading.Draft draft -> storeWithLead(ctx, session, desk, form, draft, sent);
    }
  }

  /**
   * Checks the picture file sent with the form as every picture is, then stores it and the article
   * with it as its lead in one transaction; a file refused leaves both as they were.
   */
  private void storeWithLead(
      Context ctx,
      Session session,
      DeskArticle desk,
      EditorForm form,
      EditorForm.Reading.Draft draft,
      EditorSubmission sent) {
    String name = PictureHandler.fileName(sent.fileName());
    if (sent.file().length > PictureIntake.MAX_BYTES) {
      // 413 has a generic error page of its own, which must not replace the editor.
      WebServer.keepOwnPage(ctx);
      refused(
          ctx,
          HttpStatus.CONTENT_TOO_LARGE,
          session,
          desk,
          form,
          Map.of(
              EditorSubmission.LEAD_FILE, PictureHandler.tooLargeFile(name, sent.file().length)));
      return;
    }
    switch (pictures.check(name, sent.file())) {
      case PictureLibraryService.Checked.Refused refused ->
          refused(
              ctx,
              session,
              desk,
              form,
              Map.of(
                  EditorSubmission.LEAD_FILE,
                  "Not uploaded: " + refused.reason() + ". Nothing was stored."));
      case PictureLibraryService.Checked.Ready ready -> {
        PictureDeskService.SaveWithLead save =
            (tx, pictureId) -> {
              ArticleDraft withLead = draft.draft().withLeadImage(pictureId);
              return desk == null
                  ? articles.create(tx, withLead, draft.seo(), form.commentsOpen(), actor(session))
                  : articles.update(
                      tx,
                      desk.id(),
                      startedFrom(form),
                      withLead,
                      draft.seo(),
                      form.commentsOpen(),
                      actor(session));
            };
        SaveOutcome outcome =
            pictures.uploadLead(
                session.user(),
                name,
                ready.picture(),
                form.leadCaption().strip(),
                form.leadAlt().strip(),
                WebServer.client(ctx).ip(),
                save);
        saved(ctx, session, desk, form, outcome, sent);
      }
    }
  }

  /** The problems, with a word that a picture file sent with the form was not stored. */
  private static Map<String, String> withFileNotStored(
      Map<String, String> problems, boolean uploading) {
    if (!uploading || problems.containsKey(EditorSubmission.LEAD_FILE)) {
      return problems;
    }
    Map<String, String> all = new LinkedHashMap<>(problems);
    all.put(
        EditorSubmission.LEAD_FILE,
        "The picture file was not stored, as the article was not saved: choose it again when you"
            + " save.");
    return all;
  }

  void editPage(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty()) {
      return;
    }
    User user = session.get().user();
    DeskArticle desk = desk(ctx);
    boolean editable = DeskRules.mayEdit(user, desk);
    if (!editable && DeskRules.moves(user, desk).isEmpty()) {
      notAllowed(ctx);
      return;
    }
    EditorForm form = stored(desk);
    // Findings show after every save, in the text just saved.
    EditorProofreading.Proofread proofread =
        editable && "saved".equals(ctx.queryParam("done"))
            ? proofreading.check(desk.id(), form, user)
            : null;
    if (proofread == null) {
      // Whoever opens an article may publish it next: the model loads meanwhile.
      proofreading.startLoading();
    }
    render(
        ctx, session.get(), desk, form, Map.of(), notice(ctx.queryParam("done")), null, proofread);
  }

  private static String notice(String done) {
    return switch (done == null ? "" : done) {
      case "saved" -> "Saved.";
      case "restored" -> "The revision is restored, as a new version.";
      case "" -> null;
      default -> "Done: the article is now " + done.replace('-', ' ') + ".";
    };
  }

  void save(Context ctx) {
    Optional<Session> signedIn = access.session(ctx);
    if (signedIn.isEmpty()) {
      keepAcrossSignIn(ctx);
      return;
    }
    Session session = signedIn.get();
    DeskArticle desk = desk(ctx);
    User user = session.user();
    if (!DeskRules.mayEdit(user, desk)) {
      // Only a writer whose own article moved on meanwhile is shown their text (read once the
      // form passes); anyone else is refused before the body is read.
      if (!DeskRules.own(user, desk) || !DeskRules.mayPreview(user)) {
        notAllowed(ctx);
        return;
      }
      EditorSubmission.receive(ctx, session, access)
          .ifPresent(sent -> movedAway(ctx, session, desk, sent));
      return;
    }
    Optional<EditorSubmission> sent = EditorSubmission.receive(ctx, session, access);
    if (sent.isEmpty()) {
      return;
    }
    ArticleService.Editable stored =
        articles.editable(desk.id()).orElseThrow(NotFoundResponse::new);
    EditorForm form = EditorForm.read(sent.get()::field);
    store(ctx, session, desk, stored.draft(), form, sent.get());
  }

  /** The article as stored, in the form, to be saved back from its current version. */
  EditorForm stored(DeskArticle desk) {
    ArticleService.Editable editable =
        articles.editable(desk.id()).orElseThrow(NotFoundResponse::new);
    boolean commentsOpen = articles.byId(desk.id()).map(Article::commentsOpen).orElse(true);
    return EditorForm.of(
        editable.draft(), articles.seo(desk.id()), commentsOpen, editable.version());
  }

  /** The version the writer started from; one that cannot be is stale, never a blind overwrite. */
  private static long startedFrom(EditorForm form) {
    return number(form.version());
  }

  /** The article exactly as readers will see it, before anything is public; never cached. */
  void preview(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty()) {
      return;
    }
    if (!DeskRules.mayPreview(session.get().user())) {
      notAllowed(ctx);
      return;
    }
    Article article = idIn(ctx.path()).flatMap(articles::byId).orElseThrow(NotFoundResponse::new);
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
    if (path.equals(NEW) && ArticleWorkflow.mayCreate(session.user().role())) {
      show(ctx, session, null, form, Map.of(), notice);
      return;
    }
    Optional<DeskArticle> desk = idIn(path).flatMap(articles::desk);
    if (desk.isPresent() && DeskRules.mayEdit(session.user(), desk.get())) {
      show(ctx, session, desk.get(), form, Map.of(), notice);
      return;
    }
    ctx.redirect(NewsroomAccess.localPath(path), HttpStatus.SEE_OTHER);
  }

  private void saved(
      Context ctx,
      Session session,
      DeskArticle desk,
      EditorForm form,
      SaveOutcome outcome,
      EditorSubmission sent) {
    String action = desk == null ? "article.create" : "article.edit";
    boolean fileSent = sent.hasFile();
    switch (outcome) {
      case SaveOutcome.Saved saved -> {
        makeCardCrop(saved.id());
        audit.record(
            new org.broadsheet.audit.Actor(session.user().email(), WebServer.client(ctx).ip()),
            action,
            articles.slugOf(saved.id()).orElse(Long.toString(saved.id())),
            "version " + saved.version());
        boolean preview = sent.field("preview") != null;
        ctx.redirect(
            preview ? previewPath(saved.id()) : editorPath(saved.id()) + "?done=saved",
            HttpStatus.SEE_OTHER);
      }
      case SaveOutcome.Refused refused ->
          refused(ctx, session, desk, form, withFileNotStored(refused.problems(), fileSent));
      case SaveOutcome.Stale stale ->
          conflict(ctx, session, desk, form, stale, true, withFileNotStored(Map.of(), fileSent));
      case SaveOutcome.NotFound notFound -> throw new NotFoundResponse();
    }
  }

  /**
   * The copies of the card's crop of the lead picture, made once per picture and crop after the
   * article is stored; until they are, and should they fail, the card shows the whole picture.
   */
  void makeCardCrop(long articleId) {
    articles
        .editable(articleId)
        .map(ArticleService.Editable::draft)
        .filter(draft -> draft.cardCrop() != null && draft.leadImageId() != null)
        .ifPresent(draft -> media.crop(draft.leadImageId(), draft.cardCrop()));
  }

  /**
   * Someone saved the article since the writer started: their text is shown again, now starting
   * from the current version, with what the other save changed.
   */
  private void conflict(
      Context ctx,
      Session session,
      DeskArticle desk,
      EditorForm form,
      SaveOutcome.Stale stale,
      boolean mayStillSave,
      Map<String, String> problems) {
    NewsroomPages.Conflict conflict =
        conflicts.of(desk.id(), startedFrom(form), stale, mayStillSave);
    ctx.status(HttpStatus.CONFLICT);
    DeskArticle now = articles.desk(desk.id()).orElse(desk);
    render(
        ctx,
        session,
        now,
        form.startedFrom(Long.toString(stale.currentVersion())),
        problems,
        null,
        conflict,
        null);
  }

  /**
   * A save of one's own article that moved, since the writer started, to a state in which they may
   * no longer change it (an editor published it, say): refused, their text shown to be copied with
   * what changed. Anyone else's save is simply not allowed.
   */
  private void movedAway(Context ctx, Session session, DeskArticle desk, EditorSubmission sent) {
    long from = number(sent.field("version"));
    if (from < 1 || from >= desk.version()) {
      notAllowed(ctx);
      return;
    }
    Optional<Revision> last = articles.revisions(desk.id()).stream().findFirst();
    conflict(
        ctx,
        session,
        desk,
        EditorForm.read(sent::field),
        new SaveOutcome.Stale(
            desk.id(),
            desk.version(),
            last.map(Revision::actor).orElse(null),
            last.map(Revision::savedAt).orElse(null)),
        false,
        withFileNotStored(Map.of(), sent.hasFile()));
  }

  private static long number(String text) {
    return text != null && text.strip().matches("\\d{1,18}") ? Long.parseLong(text.strip()) : -1;
  }

  private void refused(
      Context ctx,
      Session session,
      DeskArticle desk,
      EditorForm form,
      Map<String, String> problems) {
    refused(ctx, HttpStatus.UNPROCESSABLE_CONTENT, session, desk, form, problems);
  }

  private void refused(
      Context ctx,
      HttpStatus status,
      Session session,
      DeskArticle desk,
      EditorForm form,
      Map<String, String> problems) {
    ctx.status(status);
    show(ctx, session, desk, form, problems, null);
  }

  void show(
      Context ctx,
      Session session,
      DeskArticle desk,
      EditorForm form,
      Map<String, String> problems,
      String notice) {
    render(ctx, session, desk, form, problems, notice, null, null);
  }

  /** The form as sent, not saved, with what the proofreader found in it. */
  void showProofread(
      Context ctx,
      Session session,
      DeskArticle desk,
      EditorForm form,
      String notice,
      EditorProofreading.Proofread proofread) {
    render(ctx, session, desk, form, Map.of(), notice, null, proofread);
  }

  private void render(
      Context ctx,
      Session session,
      DeskArticle desk,
      EditorForm form,
      Map<String, String> problems,
      String notice,
      NewsroomPages.Conflict conflict,
      EditorProofreading.Proofread proofread) {
    String heading = desk == null ? "New article" : "Edit: " + desk.headline();
    Image lead =
        form.leadImage().matches("\\d{1,18}")
            ? media.find(Long.parseLong(form.leadImage())).orElse(null)
            : null;
    String path = desk == null ? NEW : editorPath(desk.id());
    User user = session.user();
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
                    desk == null ? null : desk.id(),
                    desk == null ? null : desk.status().label(),
                    desk == null ? null : org.broadsheet.article.Article.pathOf(desk.slug()),
                    conflict,
                    desk == null ? List.of() : DeskRules.moves(user, desk),
                    access.zone().getId(),
                    desk == null || DeskRules.mayEdit(user, desk) || conflict != null,
                    lead,
                    lead == null
                        ? null
                        : Crop.parse(form.cardRatio(), form.cardFocusX(), form.cardFocusY())
                            .flatMap(crop -> media.madeCrop(lead.id(), crop))
                            .orElse(null),
                    proofread)));
  }

  /**
   * A form sent after its session ended: the sign-in form, carrying everything typed, which the
   * editor shows again once signed in. Nothing is stored meanwhile.
   */
  void keepAcrossSignIn(Context ctx) {
    EditorSubmission.Kept kept = EditorSubmission.keptWithoutSession(ctx);
    if (ctx.cookie(NewsroomAccess.SESSION_COOKIE) != null) {
      access.endCookie(ctx);
    }
    ctx.status(HttpStatus.UNAUTHORIZED);
    WebServer.keepOwnPage(ctx);
    access.showSignIn(
        ctx,
        "",
        ctx.path(),
        kept.fields().isEmpty() && !kept.lost().isEmpty()
            ? "Your session has ended, so nothing was saved yet." + kept.lost()
            : "Your session has ended, so nothing was saved yet. Sign in again and everything you"
                + " typed will be back in the editor."
                + kept.lost(),
        true,
        kept.fields());
  }

  DeskArticle desk(Context ctx) {
    return idIn(ctx.path()).flatMap(articles::desk).orElseThrow(NotFoundResponse::new);
  }

  /** The article's number in an editor path: /newsroom/articles/12 or …/12/preview. */
  static Optional<Long> idIn(String path) {
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

  void notAllowed(Context ctx) {
    access.refuse(
        ctx,
        HttpStatus.FORBIDDEN,
        "Not allowed",
        "Your role in the newsroom does not allow this. Nothing was changed.");
  }
}
