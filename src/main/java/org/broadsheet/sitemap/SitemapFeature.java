package org.broadsheet.sitemap;

import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleService;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.PageCache;

/** Wires robots.txt, the sitemap index at /sitemap.xml and the sitemaps under /sitemaps/. */
public final class SitemapFeature {
  /**
   * Cache tag of the pages that change when an article leaves the Google News sitemap, which
   * happens with time alone, {@link #NEWS_WINDOW} after its publication.
   */
  public static final String NEWS_SITEMAP = "news-sitemap";

  public static final Duration NEWS_WINDOW = SitemapService.NEWS_WINDOW;

  private final SitemapHandler handler;

  public SitemapFeature(
      ArticleService articles,
      PageCache pages,
      Supplier<SiteSettings> site,
      Supplier<SitemapSettings> settings) {
    this.handler =
        new SitemapHandler(
            new SitemapService(articles, site, SitemapLimits.PROTOCOL), pages, settings);
  }

  public void routes(RoutesConfig routes) {
    routes.get("/robots.txt", handler::robots);
    routes.get("/sitemap.xml", handler::index);
    routes.get("/sitemaps/{file}", handler::sitemap);
  }
}
