package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

/**
 * One page of the newsroom's list of articles, whatever their status, most recently changed first.
 *
 * @param total how many articles match the query
 */
public record DeskListing(List<Entry> entries, int page, int pageCount, int total) {

  /**
   * What the newsroom asks for; a null or empty filter takes every article.
   *
   * @param text words to find in the kicker, headline, standfirst, body or slug
   * @param page from 1
   */
  public record Query(
      ArticleStatus status,
      String sectionSlug,
      String authorSlug,
      String text,
      int page,
      int pageSize) {
    public Query {
      page = Math.max(1, page);
      pageSize = Math.clamp(pageSize, 1, 200);
    }

    public static Query of(ArticleStatus status, int pageSize) {
      return new Query(status, null, null, null, 1, pageSize);
    }
  }

  /** One article as the list shows it. */
  public record Entry(
      long id,
      String slug,
      String kicker,
      String headline,
      ArticleStatus status,
      String section,
      List<Author> authors,
      Instant publishedAt,
      Instant updatedAt) {

    public String path() {
      return Article.pathOf(slug);
    }
  }
}
