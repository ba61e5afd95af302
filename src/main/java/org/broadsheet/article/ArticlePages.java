package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;
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
  /** Stories shown under the article: from its section, and related by words and tags. */
  static final int IN_SECTION = 4;

  static final int RELATED = 4;

  /**
   * A rendered article page and the cache tags of what it shows: the article, the stories listed
   * under it (their headlines), and {@link ArticleService#LISTINGS}, since a new story may enter
   * its section's latest.
   */
  public record Rendered(byte[] html, List<String> cacheTags) {}

  private final ArticleService articles;
  private final Templates templates;
  private final Supplier<Layout> layout;
  private final Supplier<SiteSettings> site;
  private final String shareScriptUrl;
  private final RelatedStories alike;

  /**
   * @param alike finds the stories most like an article by their words; {@link RelatedStories#NONE}
   *     leaves the related stories to shared tags
   */
  public ArticlePages(
      ArticleService articles,
      Templates templates,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      String shareScriptUrl,
      RelatedStories alike) {
    this.shareScriptUrl = shareScriptUrl;
    this.alike = alike;
    this.articles = articles;
    this.templates = templates;
    this.layout = layout;
    this.site = site;
  }

  public byte[] render(Article article, BelowTheArticle.Below below) {
    return page(article, below).html();
  }

  public Rendered page(Article stored, BelowTheArticle.Below below) {
    Typography typography = Typography.of(site.get().typography());
    Article article = typography.article(stored);
    Seo seo = articles.seo(article.id());
    String description =
        seo.descriptionOr(
            article.standfirst().isBlank() ? article.headline() : article.standfirst());
    Layout frame = layout.get();
    Dateline dates = new Dateline(site.get().timeZone());
    PageMeta meta =
        StructuredData.article(
            new PageMeta(seo.titleOr(article.headline()), description, article.path())
                .withFeeds(below.feeds()),
            frame,
            dates,
            article);
    String url = site.get().baseUrl() + article.path();
    // Related stories first; the section's latest leaves out those already shown as related.
    List<ArticleSummary> related = typography.summaries(articles.related(article, alike, RELATED));
    List<ArticleSummary> inSection =
        typography.summaries(
            articles.latestInSection(article, IN_SECTION + RELATED).stream()
                .filter(story -> related.stream().noneMatch(r -> r.id() == story.id()))
                .limit(IN_SECTION)
                .toList());
    List<String> tags = new ArrayList<>();
    tags.add(ArticleService.pageTag(article.id()));
    tags.add(ArticleService.LISTINGS);
    inSection.forEach(story -> tags.add(ArticleService.pageTag(story.id())));
    related.forEach(story -> tags.add(ArticleService.pageTag(story.id())));
    byte[] html =
        templates.render(
            "article/article.jte",
            new ArticlePage(
                frame,
                meta,
                dates,
                article,
                articles.renderBody(article, typography),
                below.content(),
                below.links(),
                ReadingTime.minutes(article.body()),
                url,
                ShareLinks.of(stored.headline(), url),
                shareScriptUrl,
                inSection,
                related,
                articles.withdrawnLead(article).orElse(null)));
    return new Rendered(html, tags);
  }
}
