package org.broadsheet.article;

import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.Templates;

/** Wires the article feature: its service and its public pages. */
public final class ArticleFeature {
  private final ArticleHandler handler;

  public ArticleFeature(
      ArticleService articles,
      Templates templates,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      BelowTheArticle belowTheArticle) {
    this.handler = new ArticleHandler(articles, templates, layout, site, belowTheArticle);
  }

  /** Renders an article's page for a request, as another feature's handler needs it. */
  public byte[] articlePage(Article article, io.javalin.http.Context ctx) {
    return handler.render(article, ctx);
  }

  public void routes(RoutesConfig routes) {
    routes.get("/", handler::front);
    routes.get("/articles/{slug}", handler::article);
    routes.get("/section/{slug}", handler::section);
    routes.get("/tag/{slug}", handler::tag);
    routes.get("/author/{slug}", handler::author);
  }
}
