package org.broadsheet.newsroom;

import io.javalin.config.RoutesConfig;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.AuthorService;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.article.CurationService;
import org.broadsheet.article.SectionService;
import org.broadsheet.audit.AuditService;
import org.broadsheet.comment.CommentModeration;
import org.broadsheet.comment.CommentService;
import org.broadsheet.media.MediaService;
import org.broadsheet.proofread.IgnoredFindings;
import org.broadsheet.proofread.NewsroomDictionary;
import org.broadsheet.proofread.Proofreader;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PersonalRequests;
import org.broadsheet.web.Templates;
import org.broadsheet.web.UploadRoute;

/**
 * Wires the newsroom's pages: sign-in and out, the dashboard, the articles list, the editor and its
 * preview, password resets, the audit log, people, the comment queue, the picture library and the
 * desk (front page, sections, author pages), and the site's settings and trust pages. None of them
 * goes through the page cache, and every answer is private.
 */
public final class NewsroomFeature {
  /**
   * A request with the session cookie is a signed-in person's: the page cache never serves or
   * stores their pages.
   */
  public static final PersonalRequests PERSONAL =
      new PersonalRequests(Set.of(NewsroomAccess.SESSION_COOKIE), Set.of());

  /** The services of the desk: front page curation, sections and author pages. */
  public record Desk(CurationService curation, SectionService sections, AuthorService authors) {}

  private final NewsroomHandler handler;
  private final AuditHandler auditHandler;
  private final EditorHandler editor;
  private final DeskHandler dashboard;
  private final MoveHandler moves;
  private final RevisionsHandler revisions;
  private final CorrectionsHandler correctionsHandler;
  private final PeopleHandler peopleHandler;
  private final CommentQueueHandler commentQueue;
  private final ProofreadingHandler proofreadingHandler;
  private final DictionaryHandler dictionaryHandler;
  private final PictureHandler pictureHandler;
  private final CurationHandler curationHandler;
  private final SectionsHandler sectionsHandler;
  private final AuthorsHandler authorsHandler;
  private final SettingsHandler settingsHandler;

  /**
   * @param pages renders an article's page as readers see it, for the preview
   * @param comments what the dashboard shows of comments waiting for someone
   */
  public NewsroomFeature(
      AccountService accounts,
      PasswordResets resets,
      AuditService audit,
      ArticleService articles,
      CorrectionService corrections,
      ArticlePages pages,
      MediaService media,
      CommentService comments,
      CommentModeration moderation,
      Proofreader proofreader,
      IgnoredFindings ignored,
      NewsroomDictionary dictionary,
      byte[] formKey,
      Templates templates,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      Supplier<NewsroomSettings> settings,
      PictureDeskService pictures,
      Desk desk,
      SettingsService siteSettings) {
    NewsroomAccess access =
        new NewsroomAccess(
            accounts, new FormGuard(formKey), templates, layout, site, settings, resets::offered);
    Supplier<ZoneId> zone = () -> site.get().timeZone();
    EditorProofreading proofreading = new EditorProofreading(proofreader, ignored, dictionary);
    this.editor = new EditorHandler(articles, media, pictures, pages, audit, access, proofreading);
    this.proofreadingHandler = new ProofreadingHandler(proofreading, audit, access, editor);
    this.dictionaryHandler = new DictionaryHandler(dictionary, audit, access);
    this.dashboard = new DeskHandler(articles, accounts, comments, pictures, access);
    this.moves = new MoveHandler(articles, audit, access, editor, proofreadingHandler);
    this.revisions = new RevisionsHandler(articles, audit, access, editor);
    this.correctionsHandler = new CorrectionsHandler(corrections, audit, access, editor);
    this.handler = new NewsroomHandler(accounts, resets, access, editor::resume);
    this.auditHandler = new AuditHandler(audit, access, zone);
    this.peopleHandler = new PeopleHandler(accounts, access);
    this.commentQueue = new CommentQueueHandler(moderation, access, zone);
    this.pictureHandler = new PictureHandler(pictures, access, zone);
    this.curationHandler = new CurationHandler(desk.curation(), access);
    this.sectionsHandler = new SectionsHandler(desk.sections(), access);
    this.authorsHandler = new AuthorsHandler(desk.authors(), access);
    this.settingsHandler = new SettingsHandler(siteSettings, audit, access);
  }

  /** The routes that take a file: the picture library's upload and the editor's lead picture. */
  public List<UploadRoute> uploads() {
    return List.of(PictureHandler.UPLOAD, EditorSubmission.UPLOAD);
  }

  public Consumer<RoutesConfig> routes() {
    return routes -> {
      routes.before("/newsroom", NewsroomAccess::privateAnswer);
      routes.before("/newsroom/*", NewsroomAccess::privateAnswer);
      routes.get("/newsroom", dashboard::home);
      routes.get(NewsroomAccess.SIGN_IN, handler::signInPage);
      routes.post(NewsroomAccess.SIGN_IN, handler::signIn);
      routes.post("/newsroom/sign-out", handler::signOut);
      routes.post("/newsroom/sign-out-everywhere", handler::signOutEverywhere);
      routes.get("/newsroom/forgot-password", handler::resetRequestPage);
      routes.post("/newsroom/forgot-password", handler::resetRequest);
      routes.get("/newsroom/reset-password", handler::resetPage);
      routes.post("/newsroom/reset-password", handler::reset);
      routes.get("/newsroom/audit", auditHandler::page);
      routes.get(EditorHandler.ARTICLES, dashboard::list);
      routes.get(EditorHandler.NEW, editor::newPage);
      routes.post(EditorHandler.NEW, editor::create);
      routes.get(EditorHandler.ARTICLES + "/{id}", editor::editPage);
      routes.post(EditorHandler.ARTICLES + "/{id}", editor::save);
      routes.get(EditorHandler.ARTICLES + "/{id}/preview", editor::preview);
      routes.post(EditorHandler.ARTICLES + "/{id}/move", moves::move);
      routes.post(EditorHandler.ARTICLES + "/{id}/proofread", proofreadingHandler::proofread);
      routes.get(DictionaryHandler.PATH, dictionaryHandler::page);
      routes.post(DictionaryHandler.PATH, dictionaryHandler::change);
      routes.get(EditorHandler.ARTICLES + "/{id}/revisions", revisions::page);
      routes.post(EditorHandler.ARTICLES + "/{id}/revisions/restore", revisions::restore);
      routes.get(EditorHandler.ARTICLES + "/{id}/corrections", correctionsHandler::page);
      routes.post(EditorHandler.ARTICLES + "/{id}/corrections", correctionsHandler::change);
      routes.get(PeopleHandler.PATH, peopleHandler::page);
      routes.post(PeopleHandler.PATH, peopleHandler::add);
      routes.post(PeopleHandler.PATH + "/role", peopleHandler::changeRole);
      routes.post(PeopleHandler.PATH + "/disable", peopleHandler::disable);
      routes.post(PeopleHandler.PATH + "/enable", peopleHandler::enable);
      routes.get(CommentQueueHandler.QUEUE, commentQueue::page);
      routes.post(CommentQueueHandler.QUEUE, commentQueue::decide);
      routes.get(CommentQueueHandler.QUEUE + "/{id}/reply", commentQueue::replyPage);
      routes.post(CommentQueueHandler.QUEUE + "/{id}/reply", commentQueue::reply);
      routes.get(PictureHandler.LIBRARY, pictureHandler::library);
      routes.post(PictureHandler.LIBRARY, pictureHandler::upload);
      routes.get(PictureHandler.LIBRARY + "/{id}", pictureHandler::picture);
      routes.post(PictureHandler.LIBRARY + "/{id}", pictureHandler::edit);
      routes.get(CurationHandler.PATH, curationHandler::page);
      routes.post(CurationHandler.PATH, curationHandler::change);
      routes.get(SectionsHandler.PATH, sectionsHandler::page);
      routes.post(SectionsHandler.PATH, sectionsHandler::change);
      routes.get(AuthorsHandler.PATH, authorsHandler::list);
      routes.get(AuthorsHandler.PATH + "/{slug}", authorsHandler::page);
      routes.post(AuthorsHandler.PATH + "/{slug}", authorsHandler::save);
      routes.get(SettingsHandler.PATH, settingsHandler::page);
      routes.post(SettingsHandler.PATH, settingsHandler::change);
      routes.get(SettingsHandler.TRUST, settingsHandler::trustPage);
    };
  }
}
