package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;

/** The newsroom's view of articles in every state, and moving them from one state to another. */
final class DeskStore {
  private static final String SELECT =
      """
      SELECT a.id, a.slug, a.headline, s.name AS section_name, a.status, a.version, a.created_by,
        a.published_at, a.updated_at
      FROM article a JOIN section s ON s.id = a.section_id
      """;

  /** Articles in this state (every state when null), the most recently changed first. */
  List<DeskArticle> list(Transaction tx, ArticleStatus status, int limit) {
    Handle h = tx.handle();
    List<DeskArticle> rows =
        h.createQuery(
                SELECT
                    + (status == null ? "" : " WHERE a.status = :status")
                    + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit")
            .bind("status", status == null ? null : status.word())
            .bind("limit", limit)
            .map((rs, ctx) -> row(rs))
            .list();
    return withAuthors(h, rows);
  }

  Optional<DeskArticle> byId(Transaction tx, long id) {
    Handle h = tx.handle();
    return h.createQuery(SELECT + " WHERE a.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne()
        .map(row -> withAuthors(h, List.of(row)).getFirst());
  }

  /**
   * Moves the article from one state to the other, taking its next version; false when it is no
   * longer in the state the mover saw, and nothing is changed.
   */
  boolean move(
      Transaction tx,
      long id,
      ArticleStatus from,
      ArticleStatus to,
      Instant publishedAt,
      Instant updatedAt) {
    return tx.handle()
            .createUpdate(
                """
                UPDATE article SET status = :to, published_at = :published,
                  updated_at = :updated, version = version + 1
                WHERE id = :id AND status = :from
                """)
            .bind("id", id)
            .bind("from", from.word())
            .bind("to", to.word())
            .bind("published", publishedAt.toEpochMilli())
            .bind("updated", updatedAt.toEpochMilli())
            .execute()
        == 1;
  }

  /** Scheduled articles whose time has come, oldest first. */
  List<Long> due(Transaction tx, Instant now) {
    return tx.handle()
        .createQuery(
            """
            SELECT id FROM article WHERE status = :scheduled AND published_at <= :now
            ORDER BY published_at, id
            """)
        .bind("scheduled", ArticleStatus.SCHEDULED.word())
        .bind("now", now.toEpochMilli())
        .mapTo(Long.class)
        .list();
  }

  /**
   * Published articles dated after now are scheduled ones, as they were before the workflow had a
   * state for them: an import, or a site stored by an earlier version.
   */
  int scheduleFutureOnes(Transaction tx, Instant now) {
    return tx.handle()
        .createUpdate(
            "UPDATE article SET status = :scheduled WHERE status = :published"
                + " AND published_at > :now")
        .bind("scheduled", ArticleStatus.SCHEDULED.word())
        .bind("published", ArticleStatus.PUBLISHED.word())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static DeskArticle row(ResultSet rs) throws SQLException {
    long creator = rs.getLong("created_by");
    Long createdBy = rs.wasNull() ? null : creator;
    return new DeskArticle(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("headline"),
        rs.getString("section_name"),
        ArticleStatus.parse(rs.getString("status")).orElseThrow(),
        rs.getLong("version"),
        createdBy,
        List.of(),
        Instant.ofEpochMilli(rs.getLong("published_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }

  private static List<DeskArticle> withAuthors(Handle h, List<DeskArticle> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<String>> slugs =
        h
            .createQuery(
                """
                SELECT aa.article_id, au.slug FROM article_author aa
                JOIN author au ON au.id = aa.author_id
                WHERE aa.article_id IN (<ids>) ORDER BY aa.article_id, aa.position
                """)
            .bindList("ids", rows.stream().map(DeskArticle::id).toList())
            .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return rows.stream()
        .map(
            r ->
                new DeskArticle(
                    r.id(),
                    r.slug(),
                    r.headline(),
                    r.section(),
                    r.status(),
                    r.version(),
                    r.createdBy(),
                    slugs.getOrDefault(r.id(), List.of()),
                    r.publishedAt(),
                    r.updatedAt()))
        .toList();
  }
}
