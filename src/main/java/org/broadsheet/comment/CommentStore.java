package org.broadsheet.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.broadsheet.storage.ChangeLog;
import org.broadsheet.storage.Database;
import org.jdbi.v3.core.Handle;

/** All SQL of the comment feature. */
final class CommentStore {
  private final Database database;

  CommentStore(Database database) {
    this.database = database;
  }

  static Comment comment(ResultSet rs) throws SQLException {
    long parent = rs.getLong("parent_id");
    return new Comment(
        rs.getLong("id"),
        rs.getLong("article_id"),
        rs.wasNull() ? null : parent,
        rs.getString("author_name"),
        rs.getString("author_email"),
        rs.getString("author_website"),
        rs.getString("body"),
        CommentStatus.parse(rs.getString("status")).orElseThrow(),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getString("ip"),
        rs.getInt("notify_replies") == 1);
  }

  /** The article's comments in these statuses, oldest first. */
  List<Comment> forArticle(long articleId, List<CommentStatus> statuses) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM comment WHERE article_id = :article AND status IN (<statuses>)
                    ORDER BY created_at, id
                    """)
                .bind("article", articleId)
                .bindList("statuses", statuses.stream().map(CommentStatus::word).toList())
                .map((rs, ctx) -> comment(rs))
                .list());
  }

  Optional<Comment> byId(long id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM comment WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> comment(rs))
                .findOne());
  }

  int countForArticle(long articleId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM comment WHERE article_id = :article AND status = 'approved'")
                .bind("article", articleId)
                .mapTo(Integer.class)
                .one());
  }

  /** Inserts a comment inside the caller's transaction and returns its id. */
  static long insert(Handle h, Comment comment) {
    return h.createQuery(
            """
            INSERT INTO comment (article_id, parent_id, author_name, author_email, author_website,
              body, status, created_at, ip, notify_replies)
            VALUES (:article, :parent, :name, :email, :website, :body, :status, :created, :ip, :notify)
            RETURNING id
            """)
        .bind("article", comment.articleId())
        .bind("parent", comment.parentId())
        .bind("name", comment.authorName())
        .bind("email", comment.authorEmail())
        .bind("website", comment.authorWebsite())
        .bind("body", comment.body())
        .bind("status", comment.status().word())
        .bind("created", comment.createdAt().toEpochMilli())
        .bind("ip", comment.ip())
        .bind("notify", comment.notifyReplies() ? 1 : 0)
        .mapTo(Long.class)
        .one();
  }

  static void recordChange(Handle h, long articleId) {
    ChangeLog.record(h, "comment", Long.toString(articleId));
  }

  Database database() {
    return database;
  }
}
