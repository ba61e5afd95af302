package org.broadsheet.newsroom;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Dateline;
import org.broadsheet.article.DeskListing;
import org.broadsheet.comment.CommentService;
import org.broadsheet.web.PageMeta;

/**
 * The newsroom's desk: the dashboard at /newsroom (my drafts, what waits for review, what is
 * scheduled, what was published lately, comments waiting) and the list of every article.
 */
final class DeskHandler {
  static final int PAGE_SIZE = 25;
  static final int ON_DASHBOARD = 5;

  /**
   * The moves the list offers beside each article (and restoring from the trash); the others are in
   * the editor.
   */
  private static final List<String> ON_THE_LIST =
      List.of(ArticleStatus.UNPUBLISHED.word(), ArticleStatus.TRASH.word());

  private final ArticleService articles;
  private final AccountService accounts;
  private final CommentService comments;
  private final PictureDeskService pictures;
  private final NewsroomAccess access;

  DeskHandler(
      ArticleService articles,
      AccountService accounts,
      CommentService comments,
      PictureDeskService pictures,
      NewsroomAccess access) {
    this.articles = articles;
    this.accounts = accounts;
    this.comments = comments;
    this.pictures = pictures;
    this.access = access;
  }

  void home(Context ctx) {
    Optional<Session> signedIn = access.allowed(ctx, Permission.USE_NEWSROOM);
    if (signedIn.isEmpty()) {
      return;
    }
    User user = signedIn.get().user();
    List<NewsroomPages.Shelf> shelves = new ArrayList<>();
    if (ArticleWorkflow.mayCreate(user.role())) {
      DeskListing.Owner me = new DeskListing.Owner(user.id(), user.authorSlug());
      boolean publishes = user.may(Permission.PUBLISH);
      shelves.add(
          shelf(
              "Your drafts",
              DeskListing.Query.of(ArticleStatus.DRAFT, ON_DASHBOARD).ownedBy(me),
              "No drafts of yours."));
      shelves.add(
          shelf(
              publishes ? "Waiting for review" : "Yours in review",
              publishes
                  ? DeskListing.Query.of(ArticleStatus.IN_REVIEW, ON_DASHBOARD)
                  : DeskListing.Query.of(ArticleStatus.IN_REVIEW, ON_DASHBOARD).ownedBy(me),
              "Nothing waits for review."));
      shelves.add(
          shelf(
              "Scheduled",
              DeskListing.Query.of(ArticleStatus.SCHEDULED, ON_DASHBOARD),
              "Nothing is scheduled."));
      shelves.add(
          shelf(
              "Recently published",
              DeskListing.Query.of(ArticleStatus.PUBLISHED, ON_DASHBOARD),
              "Nothing published yet."));
    }
    // Held comments and open reports, counted once, for those who moderate.
    CommentService.Waiting waiting =
        user.may(Permission.MODERATE_COMMENTS) ? comments.waiting() : null;
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/home.jte",
                new NewsroomPages.Home(
                    access.layout(),
                    new PageMeta("Newsroom", "The newsroom.", NewsroomAccess.HOME),
                    user,
                    access.formToken(signedIn.get()),
                    user.may(Permission.READ_AUDIT_LOG),
                    accounts.sessionCount(user),
                    null,
                    ArticleWorkflow.mayCreate(user.role()),
                    shelves,
                    waiting == null ? null : waiting.held(),
                    waiting == null ? null : waiting.reported(),
                    expiring(user))));
  }

  /** Pictures whose right to be shown ends soon, for those who use the library; else none. */
  private List<NewsroomPages.Expiring> expiring(User user) {
    if (!PictureDeskService.mayUse(user)) {
      return List.of();
    }
    Dateline dates = new Dateline(access.zone());
    return pictures.expiringSoon(java.time.Instant.now()).stream()
        .map(
            picture ->
                new NewsroomPages.Expiring(
                    picture.id(), picture.image().caption(), dates.text(picture.image().expires())))
        .toList();
  }

  private NewsroomPages.Shelf shelf(String title, DeskListing.Query query, String empty) {
    DeskListing found = articles.desk(query);
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("status", query.status() == null ? null : query.status().word());
    filters.put("mine", query.owner() == null ? null : "yes");
    return new NewsroomPages.Shelf(
        title,
        found.entries(),
        found.total() > found.entries().size() ? link(filters, 1) : null,
        found.total(),
        empty);
  }

  void list(Context ctx) {
    Optional<Session> signedIn = access.allowed(ctx, Permission.WRITE_OWN_DRAFTS);
    if (signedIn.isEmpty()) {
      return;
    }
    Map<String, String> filters = new LinkedHashMap<>();
    for (String name : List.of("status", "section", "author", "q", "mine")) {
      String value = ctx.queryParam(name);
      filters.put(name, value == null || value.isBlank() ? null : value.strip());
    }
    ArticleStatus status =
        filters.get("status") == null
            ? null
            : ArticleStatus.parse(filters.get("status")).orElse(null);
    int page = pageNumber(ctx.queryParam("page"));
    User user = signedIn.get().user();
    DeskListing.Query query =
        new DeskListing.Query(
            status,
            filters.get("section"),
            filters.get("author"),
            filters.get("q"),
            page,
            PAGE_SIZE,
            null);
    if (filters.get("mine") != null) {
      query = query.ownedBy(new DeskListing.Owner(user.id(), user.authorSlug()));
    }
    DeskListing listing = articles.desk(query);
    Map<Long, List<NewsroomPages.Move>> moves = new LinkedHashMap<>();
    for (DeskListing.Entry entry : listing.entries()) {
      moves.put(
          entry.id(),
          DeskRules.moves(user, entry.desk()).stream()
              .filter(
                  move ->
                      ON_THE_LIST.contains(move.to())
                          || (entry.status() == ArticleStatus.TRASH
                              && move.to().equals(ArticleStatus.DRAFT.word())))
              .toList());
    }
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/articles.jte",
                new NewsroomPages.Articles(
                    access.layout(),
                    new PageMeta(
                        "Articles", "Every article of the newsroom.", "/newsroom/articles"),
                    access.formToken(signedIn.get()),
                    listing,
                    filters,
                    List.of(ArticleStatus.values()),
                    articles.sections(),
                    articles.authors(),
                    moves,
                    times(listing),
                    noticeOf(ctx.queryParam("done")),
                    page > 1 ? link(filters, page - 1) : null,
                    page < listing.pageCount() ? link(filters, page + 1) : null,
                    true)));
  }

  private Map<Long, String> times(DeskListing listing) {
    Dateline dates = new Dateline(access.zone());
    Map<Long, String> times = new LinkedHashMap<>();
    listing.entries().forEach(e -> times.put(e.id(), dates.text(e.updatedAt())));
    return times;
  }

  private static String noticeOf(String done) {
    return ArticleStatus.parse(done)
        .map(s -> "Done: the article is now " + s.label().toLowerCase(java.util.Locale.ROOT) + ".")
        .orElse(null);
  }

  private static int pageNumber(String text) {
    try {
      return text == null ? 1 : Math.clamp(Integer.parseInt(text), 1, 100_000);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  static String link(Map<String, String> filters, int page) {
    String query =
        filters.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return EditorHandler.ARTICLES + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
  }
}
