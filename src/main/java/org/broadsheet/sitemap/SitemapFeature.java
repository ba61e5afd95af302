package org.broadsheet.sitemap;

import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleService;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageRules;

/** Wires robots.txt, the sitemap index at /sitemap.xml and the sitemaps under /sitemaps/. */
public final class SitemapFeature implements PageRules {
  /**
   * Cache tag of the pages that change when an article leaves the Google News sitemap, which
   * happens with time alone, {@link #NEWS_WINDOW} after its publication.
   */
  public static final String NEWS_SITEMAP = "news-sitemap";

  public static final Duration NEWS_WINDOW = SitemapService.NEWS_WINDOW;

  private final ArticleService articles;
  private final SitemapHandler handler;

  public SitemapFeature(
      ArticleService articles,
      PageCache pages,
      Supplier<SiteSettings> site,
      Supplier<SitemapSettings> settings,
      java.time.Clock clock) {
    this.articles = articles;
    this.handler =
        new SitemapHandler(
            new SitemapService(articles, site, SitemapLimits.PROTOCOL, clock), pages, settings);
  }

  /** Sitemaps list articles and listings, and are tagged so; no change of their own drops them. */
  @Override
  public Set<String> drops(String topic, String subject) {
    return Set.of();
  }

  /** An article leaves the Google News sitemap {@link #NEWS_WINDOW} after its publication. */
  @Override
  public Set<String> changedBetween(Instant after, Instant until) {
    return articles.publishedBetween(after.minus(NEWS_WINDOW), until.minus(NEWS_WINDOW)).isEmpty()
        ? Set.of()
        : Set.of(NEWS_SITEMAP);
  }

  public void routes(RoutesConfig routes) {
    routes.get("/robots.txt", handler::robots);
    routes.get("/sitemap.xml", handler::index);
    routes.get("/sitemaps/{file}", handler::sitemap);
  }
}
