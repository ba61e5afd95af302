package org.broadsheet.search;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Author;
import org.broadsheet.article.Dateline;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.Templates;
import org.broadsheet.web.WebServer;

/**
 * Answers /search: rendered for each request and never cached (nor kept by a CDN), and limited per
 * client address.
 */
final class SearchHandler {
  /** How soon a reader is asked to come back while the index is rebuilt. */
  private static final int REBUILD_RETRY_SECONDS = 10;

  private final SearchService search;
  private final ArticleService articles;
  private final Templates templates;
  private final Supplier<Layout> layout;
  private final Supplier<SiteSettings> site;
  private final Supplier<SearchSettings> settings;
  private final SearchRate rate = new SearchRate();

  SearchHandler(
      SearchService search,
      ArticleService articles,
      Templates templates,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      Supplier<SearchSettings> settings) {
    this.search = search;
    this.articles = articles;
    this.templates = templates;
    this.layout = layout;
    this.site = site;
    this.settings = settings;
  }

  void search(Context ctx) {
    ctx.header("Cache-Control", "private, no-store");
    SiteSettings siteSettings = site.get();
    Map<String, String> problems = new LinkedHashMap<>();
    String from = param(ctx, "from");
    String to = param(ctx, "to");
    SearchQuery query =
        new SearchQuery(
            param(ctx, "q"),
            param(ctx, "section"),
            param(ctx, "author"),
            date(from, "from", problems),
            date(to, "to", problems),
            page(ctx));
    if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
      problems.put("to", "The end date comes before the start date.");
    }
    String authorName =
        query.author().isEmpty()
            ? null
            : articles.author(query.author()).map(Author::name).orElse(query.author());
    String title = query.isEmpty() ? "Search" : "Search: " + query.text();
    PageMeta meta =
        new PageMeta(title, "Search the articles of " + siteSettings.name() + ".", "/search");
    SearchResults results = null;
    SearchOutcome.Rebuilding rebuilding = null;
    Long retryAfter = null;
    OptionalLong wait =
        rate.take(WebServer.client(ctx).ip(), settings.get().ratePerMinute(), System.nanoTime());
    if (wait.isPresent()) {
      retryAfter = Math.max(1, wait.getAsLong());
      ctx.status(429);
      ctx.header("Retry-After", Long.toString(retryAfter));
    } else if (!problems.isEmpty()) {
      ctx.status(422);
    } else if (!query.isEmpty()) {
      switch (search.search(query, siteSettings.pageSize(), siteSettings.timeZone())) {
        case SearchOutcome.Found found -> results = found.results();
        case SearchOutcome.Rebuilding progress -> {
          rebuilding = progress;
          ctx.status(503);
          ctx.header("Retry-After", Integer.toString(REBUILD_RETRY_SECONDS));
        }
      }
    }
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(
        templates.render(
            "search/search.jte",
            new SearchPage(
                layout.get(),
                meta,
                new Dateline(siteSettings.timeZone()),
                query,
                from,
                to,
                articles.sections(),
                authorName,
                problems,
                results,
                rebuilding,
                retryAfter)));
  }

  private static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null ? "" : value.strip();
  }

  private static LocalDate date(String value, String field, Map<String, String> problems) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.put(field, "Give a date as YYYY-MM-DD, such as 2026-11-20.");
      return null;
    }
  }

  private static int page(Context ctx) {
    try {
      int page = Integer.parseInt(param(ctx, "page"));
      return Math.max(1, Math.min(page, SearchQuery.MAX_PAGE));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
