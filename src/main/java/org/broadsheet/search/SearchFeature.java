package org.broadsheet.search;

import io.javalin.config.RoutesConfig;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleService;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageRules;
import org.broadsheet.web.PersonalRequests;
import org.broadsheet.web.Templates;

/** Wires the search page, /search, answered from the index {@link SearchService} keeps. */
public final class SearchFeature implements PageRules {
  /**
   * Every search is rendered for its own request: never looked up in nor stored in the page cache,
   * and never waiting for another reader's rendering of /search.
   */
  public static final PersonalRequests PERSONAL = new PersonalRequests(Set.of(), Set.of("q"));

  /**
   * The tag a new search index drops: no cached page carries it, since no cached page shows the
   * index. Naming it tells the page cache the change is known, so it keeps every page.
   */
  private static final String INDEX_TAG = "search-index";

  private final SearchHandler handler;

  public SearchFeature(
      SearchService search,
      ArticleService articles,
      Templates templates,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      Supplier<SearchSettings> settings) {
    this.handler = new SearchHandler(search, articles, templates, layout, site, settings);
  }

  @Override
  public Set<String> drops(String topic, String subject) {
    return topic.equals(SearchService.TOPIC) ? Set.of(INDEX_TAG) : Set.of();
  }

  public void routes(RoutesConfig routes) {
    routes.get("/search", handler::search);
  }
}
