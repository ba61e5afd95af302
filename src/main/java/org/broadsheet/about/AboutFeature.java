package org.broadsheet.about;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.broadsheet.article.BodyRenderer;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.Templates;

/**
 * Serves the trust pages at {@code /about/{page}} from their settings. A setting changed drops
 * every page (the settings feature's rules), so an edit shows on the next request.
 */
public final class AboutFeature {
  private final Templates templates;
  private final PageCache pages;
  private final Supplier<Layout> layout;
  private final Function<String, String> setting;
  private final BodyRenderer markdown = new BodyRenderer();

  public AboutFeature(
      Templates templates,
      PageCache pages,
      Supplier<Layout> layout,
      Function<String, String> setting) {
    this.templates = templates;
    this.pages = pages;
    this.layout = layout;
    this.setting = setting;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/about/{page}", this::page);
  }

  private void page(Context ctx) {
    TrustPage page = TrustPage.bySlug(ctx.pathParam("page")).orElseThrow(NotFoundResponse::new);
    String text = setting.apply(page.settingKey());
    String html = text.isBlank() ? "" : markdown.render(text, Map.of());
    PageMeta meta = new PageMeta(page.title(), page.title() + ".", page.path());
    pages.respond(
        ctx,
        templates.render("about/page.jte", new AboutPage(layout.get(), meta, page, html)),
        "text/html; charset=utf-8",
        List.of());
  }
}
