package org.broadsheet.article;

import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.Templates;

/** Wires the article feature: its service and its public pages. */
public final class ArticleFeature {
  /** Cache tag of every page that lists articles: front, section, tag and author pages. */
  public static final String LISTINGS = "listing";

  private final ArticleHandler handler;

  public ArticleFeature(
      ArticleService articles,
      Templates templates,
      PageCache pages,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      ArticlePages articlePages,
      BelowTheArticle belowTheArticle,
      ListingFeeds listingFeeds) {
    this.handler =
        new ArticleHandler(
            articles, templates, pages, layout, site, articlePages, belowTheArticle, listingFeeds);
  }

  /** Cache tag of every page that shows this article: its own, its feed, listings with it. */
  public static String articleTag(long articleId) {
    return "article:" + articleId;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/", handler::front);
    routes.get("/articles/{slug}", handler::article);
    routes.get("/section/{slug}", handler::section);
    routes.get("/tag/{slug}", handler::tag);
    routes.get("/author/{slug}", handler::author);
  }
}
