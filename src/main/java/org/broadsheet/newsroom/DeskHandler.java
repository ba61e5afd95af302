package org.broadsheet.newsroom;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Dateline;
import org.broadsheet.article.DeskListing;
import org.broadsheet.web.PageMeta;

/**
 * The newsroom's desk: the dashboard at /newsroom (my drafts, what waits for review, what is
 * scheduled, what was published lately, comments waiting) and the list of every article.
 */
final class DeskHandler {
  static final int PAGE_SIZE = 25;
  static final int ON_DASHBOARD = 5;

  private final ArticleService articles;
  private final AccountService accounts;
  private final CommentDesk comments;
  private final NewsroomAccess access;

  DeskHandler(
      ArticleService articles,
      AccountService accounts,
      CommentDesk comments,
      NewsroomAccess access) {
    this.articles = articles;
    this.accounts = accounts;
    this.comments = comments;
    this.access = access;
  }

  void home(Context ctx) {
    Optional<Session> signedIn = access.allowed(ctx, Permission.USE_NEWSROOM);
    if (signedIn.isEmpty()) {
      return;
    }
    User user = signedIn.get().user();
    List<NewsroomPages.Shelf> shelves = List.of();
    if (EditorRights.mayWrite(user)) {
      shelves =
          List.of(
              shelf(
                  "Your drafts",
                  new DeskListing.Query(
                      ArticleStatus.DRAFT,
                      null,
                      user.authorSlug().isEmpty() ? "-" : user.authorSlug(),
                      null,
                      1,
                      ON_DASHBOARD),
                  user.authorSlug().isEmpty()
                      ? "Articles are yours when a byline is your author page; ask an administrator"
                          + " to link yours (users author)."
                      : "No drafts of yours."),
              shelf(
                  "Recently published",
                  DeskListing.Query.of(ArticleStatus.PUBLISHED, ON_DASHBOARD),
                  "Nothing published yet."));
    }
    boolean moderates = user.may(Permission.MODERATE_COMMENTS);
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
                    EditorRights.mayWrite(user),
                    shelves,
                    moderates ? comments.waitingForModeration() : null,
                    moderates && comments.readerReports().isPresent()
                        ? comments.readerReports().getAsInt()
                        : null)));
  }

  private NewsroomPages.Shelf shelf(String title, DeskListing.Query query, String empty) {
    DeskListing found = articles.desk(query);
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("status", query.status() == null ? null : query.status().word());
    filters.put("author", query.authorSlug());
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
    for (String name : List.of("status", "section", "author", "q")) {
      String value = ctx.queryParam(name);
      filters.put(name, value == null || value.isBlank() ? null : value.strip());
    }
    ArticleStatus status =
        filters.get("status") == null
            ? null
            : ArticleStatus.parse(filters.get("status")).orElse(null);
    int page = pageNumber(ctx.queryParam("page"));
    DeskListing listing =
        articles.desk(
            new DeskListing.Query(
                status,
                filters.get("section"),
                filters.get("author"),
                filters.get("q"),
                page,
                PAGE_SIZE));
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
                    Arrays.stream(ArticleStatus.values()).map(ArticleStatus::word).toList(),
                    articles.sections(),
                    articles.authors(),
                    Map.of(),
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
    return done == null ? null : "Done: " + done + ".";
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
