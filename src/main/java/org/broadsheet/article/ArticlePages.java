package org.broadsheet.article;

import java.util.function.Supplier;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.Templates;

/**
 * Renders an article's page from plain data: the article and what goes below it. The article route
 * uses it, and so does another feature that shows the page again with something of its own below (a
 * refused comment's form, with every word kept).
 */
public final class ArticlePages {
  private final ArticleService articles;
  private final Templates templates;
  private final Supplier<Layout> layout;
  private final Supplier<SiteSettings> site;

  public ArticlePages(
      ArticleService articles,
      Templates templates,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site) {
    this.articles = articles;
    this.templates = templates;
    this.layout = layout;
    this.site = site;
  }

  public byte[] render(Article article, BelowTheArticle.Below below) {
    String description = article.standfirst().isBlank() ? article.headline() : article.standfirst();
    PageMeta meta =
        new PageMeta(article.headline(), description, article.path()).withFeeds(below.feeds());
    return templates.render(
        "article/article.jte",
        new ArticlePage(
            layout.get(),
            meta,
            new Dateline(site.get().timeZone()),
            article,
            articles.renderBody(article),
            below.content(),
            below.links()));
  }
}
