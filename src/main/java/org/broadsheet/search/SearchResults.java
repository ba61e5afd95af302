package org.broadsheet.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of results, best first.
 *
 * @param total how many articles match in all
 * @param atLeast whether more articles match than {@code total}: counting stops at 1,000
 * @param suggestion a corrected query that finds articles, when this one finds none; or null
 */
public record SearchResults(
    List<Hit> hits, long total, boolean atLeast, int page, int pageCount, String suggestion) {

  /**
   * One article found. The HTML fields are escaped text with the matched words in {@code <mark>}.
   */
  public record Hit(
      long articleId,
      String path,
      String kicker,
      String headlineHtml,
      String snippetHtml,
      String sectionName,
      String sectionSlug,
      List<Byline> bylines,
      Instant publishedAt) {}

  public record Byline(String name, String slug) {}
}
