package org.broadsheet.article;

import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageRules;
import org.broadsheet.web.Templates;

/**
 * Wires the article feature: its public pages, the site's navigation, and which cached pages a
 * change of an article, section or author drops.
 */
public final class ArticleFeature implements PageRules {
  private final ArticleService articles;
  private final ArticleHandler handler;

  public ArticleFeature(
      ArticleService articles,
      Templates templates,
      PageCache pages,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      ArticlePages articlePages,
      BelowTheArticle belowTheArticle,
      ListingFeeds listingFeeds,
      CorrectionService corrections,
      ListingFeeds correctionFeeds) {
    this.articles = articles;
    this.handler =
        new ArticleHandler(
            articles,
            templates,
            pages,
            layout,
            site,
            articlePages,
            belowTheArticle,
            listingFeeds,
            new ArticleHandler.Corrections(corrections, correctionFeeds));
  }

  /** The sections, in their order, as every page's navigation lists them. */
  public static List<Layout.NavLink> navigation(ArticleService articles) {
    List<Layout.NavLink> navigation = new ArrayList<>();
    for (Section section : articles.sections()) {
      navigation.add(new Layout.NavLink(section.name(), section.path()));
    }
    return navigation;
  }

  @Override
  public Set<String> drops(String topic, String subject) {
    return switch (topic) {
      case ArticleService.TOPIC ->
          Set.of(ArticleService.pageTag(Long.parseLong(subject)), ArticleService.LISTINGS);
      // Sections are in every page's navigation; authors' names in listings and bylines.
      case ArticleService.SECTION_TOPIC, ArticleService.AUTHOR_TOPIC ->
          Set.of(PageCache.EVERYTHING);
      case CurationService.TOPIC -> Set.of(CurationService.FRONT_PAGE);
      default -> Set.of();
    };
  }

  /** An article dated in the future appears on its own page and in listings when its time comes. */
  @Override
  public Set<String> changedBetween(Instant after, Instant until) {
    Set<String> tags = new HashSet<>();
    for (long id : articles.publishedBetween(after, until)) {
      tags.add(ArticleService.pageTag(id));
      tags.add(ArticleService.LISTINGS);
    }
    return tags;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/", handler::front);
    routes.get("/articles/{slug}", handler::article);
    routes.get("/section/{slug}", handler::section);
    routes.get("/tag/{slug}", handler::tag);
    routes.get("/author/{slug}", handler::author);
    routes.get("/corrections", handler::corrections);
  }
}
