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
   * @param owner only the articles of this person (created by them or under their byline)
   */
  public record Query(
      ArticleStatus status,
      String sectionSlug,
      String authorSlug,
      String text,
      int page,
      int pageSize,
      Owner owner) {
    public Query {
      page = Math.max(1, page);
      pageSize = Math.clamp(pageSize, 1, 200);
    }

    public static Query of(ArticleStatus status, int pageSize) {
      return new Query(status, null, null, null, 1, pageSize, null);
    }

    public Query ownedBy(Owner someone) {
      return new Query(status, sectionSlug, authorSlug, text, page, pageSize, someone);
    }
  }

  /**
   * A newsroom account whose articles are those it created or those under its byline.
   *
   * @param authorSlug the author page the person writes under; empty for none
   */
  public record Owner(long userId, String authorSlug) {}

  /**
   * One article as the list shows it.
   *
   * @param createdBy the newsroom account that created it, or null
   */
  public record Entry(
      long id,
      String slug,
      String kicker,
      String headline,
      ArticleStatus status,
      String section,
      List<Author> authors,
      Instant publishedAt,
      Instant updatedAt,
      long version,
      Long createdBy) {

    public String path() {
      return Article.pathOf(slug);
    }

    /** The article as the desk's rules read it. */
    public DeskArticle desk() {
      return new DeskArticle(
          id,
          slug,
          headline,
          section,
          status,
          version,
          createdBy,
          authors.stream().map(Author::slug).toList(),
          publishedAt,
          updatedAt);
    }
  }
}
