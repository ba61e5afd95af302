package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.broadsheet.storage.Transaction;

/** When published articles and the pages listing them last changed, for sitemaps. */
final class ArticleTimesStore {
  /** What time it is for readers: an article is shown once its publication time has come. */
  private final Clock clock;

  ArticleTimesStore(Clock clock) {
    this.clock = clock;
  }

  private static final String PUBLISHED = ArticleStore.PUBLISHED;

  /** Published articles whose publication time is in [from, until), oldest first. */
  List<ArticleTimes> publishedTimes(Transaction tx, Instant from, Instant until) {
    return tx.handle()
        .createQuery(
            """
            SELECT a.id, a.slug, a.headline, a.published_at, a.updated_at FROM article a
            WHERE %s AND a.published_at >= :from AND a.published_at < :until
            ORDER BY a.published_at, a.id
            """
                .formatted(PUBLISHED))
        .bind("now", clock.millis())
        .bind("from", from.toEpochMilli())
        .bind("until", until.toEpochMilli())
        .map(
            (rs, ctx) ->
                new ArticleTimes(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4)),
                    Instant.ofEpochMilli(rs.getLong(5))))
        .list();
  }

  /**
   * Each section, tag or author page with a published article, and when the newest of them was
   * published or updated.
   *
   * @param join how the listed thing (alias x, with a slug) reaches its articles (alias a)
   */
  private List<ListingTimes> listingTimes(
      Transaction tx, String join, Function<String, String> path) {
    return tx.handle()
        .createQuery(
            """
            SELECT x.slug, MAX(a.published_at), MAX(a.updated_at) %s
            WHERE %s GROUP BY x.slug ORDER BY x.slug
            """
                .formatted(join, PUBLISHED))
        .bind("now", clock.millis())
        .map(
            (rs, ctx) ->
                new ListingTimes(
                    path.apply(rs.getString(1)),
                    Instant.ofEpochMilli(Math.max(rs.getLong(2), rs.getLong(3)))))
        .list();
  }

  List<ListingTimes> sectionTimes(Transaction tx) {
    return listingTimes(
        tx,
        "FROM section x JOIN article a ON a.section_id = x.id",
        slug -> new Section(0, slug, "").path());
  }

  List<ListingTimes> tagTimes(Transaction tx) {
    return listingTimes(
        tx,
        """
        FROM tag x JOIN article_tag xt ON xt.tag_id = x.id JOIN article a ON a.id = xt.article_id
        """,
        slug -> new Tag(0, slug, "").path());
  }

  List<ListingTimes> authorTimes(Transaction tx) {
    return listingTimes(
        tx,
        """
        FROM author x JOIN article_author xa ON xa.author_id = x.id
        JOIN article a ON a.id = xa.article_id
        """,
        slug -> new Author(0, slug, "", "").path());
  }
}
