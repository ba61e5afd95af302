package org.broadsheet.sitemap;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleService;
import org.broadsheet.web.PageCache;

/** Answers robots.txt, the sitemap index and each sitemap through the page cache. */
final class SitemapHandler {
  private static final String XML = "application/xml; charset=utf-8";

  private final SitemapService sitemaps;
  private final PageCache pages;
  private final Supplier<SitemapSettings> settings;

  SitemapHandler(SitemapService sitemaps, PageCache pages, Supplier<SitemapSettings> settings) {
    this.sitemaps = sitemaps;
    this.pages = pages;
    this.settings = settings;
  }

  void robots(Context ctx) {
    // Only settings change it, and a change of settings drops every page.
    pages.respond(
        ctx,
        sitemaps.robotsTxt(settings.get()).getBytes(StandardCharsets.UTF_8),
        "text/plain; charset=utf-8",
        List.of());
  }

  void index(Context ctx) {
    // The index names the news sitemap only while it has articles.
    pages.respond(
        ctx, sitemaps.index(), XML, List.of(ArticleService.LISTINGS, SitemapFeature.NEWS_SITEMAP));
  }

  void sitemap(Context ctx) {
    String file = ctx.pathParam("file");
    byte[] xml = sitemaps.sitemap(file).orElseThrow(NotFoundResponse::new);
    List<String> tags =
        file.startsWith("news")
            ? List.of(ArticleService.LISTINGS, SitemapFeature.NEWS_SITEMAP)
            : List.of(ArticleService.LISTINGS);
    pages.respond(ctx, xml, XML, tags);
  }
}
