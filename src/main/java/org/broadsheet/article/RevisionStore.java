package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.broadsheet.storage.Transaction;

/** The kept revisions of articles: one row per save, its fields as JSON. */
final class RevisionStore {
  /** A revision row before its JSON is read. */
  record Row(
      long id,
      long articleId,
      long version,
      Instant savedAt,
      String actor,
      Long actorUserId,
      String what,
      String content) {}

  /** The size of the what column; a longer reason (a correction's) is cut short in the history. */
  static final int MAX_WHAT_CHARS = 200;

  private static final String SELECT =
      """
      SELECT id, article_id, version, saved_at, actor, actor_user_id, what, content
      FROM article_revision
      """;

  void add(
      Transaction tx,
      long articleId,
      long version,
      Instant savedAt,
      Actor actor,
      String what,
      String content) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO article_revision
              (article_id, version, saved_at, actor, actor_user_id, what, content)
            VALUES (:article, :version, :at, :actor, :user, :what, :content)
            """)
        .bind("article", articleId)
        .bind("version", version)
        .bind("at", savedAt.toEpochMilli())
        .bind("actor", actor.label())
        .bind("user", actor.userId())
        .bind(
            "what",
            what.length() > MAX_WHAT_CHARS ? what.substring(0, MAX_WHAT_CHARS - 1) + "…" : what)
        .bind("content", content)
        .execute();
  }

  /** The article's revisions, newest first. */
  List<Row> ofArticle(Transaction tx, long articleId) {
    return tx.handle()
        .createQuery(SELECT + " WHERE article_id = :article ORDER BY id DESC")
        .bind("article", articleId)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  Optional<Row> byId(Transaction tx, long id) {
    return tx.handle()
        .createQuery(SELECT + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  Optional<Row> latest(Transaction tx, long articleId) {
    return tx.handle()
        .createQuery(SELECT + " WHERE article_id = :article ORDER BY id DESC LIMIT 1")
        .bind("article", articleId)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  private static Row row(ResultSet rs) throws SQLException {
    long user = rs.getLong("actor_user_id");
    Long userId = rs.wasNull() ? null : user;
    return new Row(
        rs.getLong("id"),
        rs.getLong("article_id"),
        rs.getLong("version"),
        Instant.ofEpochMilli(rs.getLong("saved_at")),
        rs.getString("actor"),
        userId,
        rs.getString("what"),
        rs.getString("content"));
  }
}
