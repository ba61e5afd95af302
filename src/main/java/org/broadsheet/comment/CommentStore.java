package org.broadsheet.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.storage.Engine;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;

/** All SQL of the comment feature. Every method runs in the transaction its caller opened. */
final class CommentStore {
  static Comment comment(ResultSet rs) throws SQLException {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    return new Comment(
        rs.getLong("id"),
        rs.getLong("article_id"),
        parentId,
        rs.getString("author_name"),
        rs.getString("author_email"),
        rs.getString("author_website"),
        rs.getString("body"),
        CommentStatus.parse(rs.getString("status")).orElseThrow(),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getString("ip"),
        rs.getInt("notify_replies") == 1,
        rs.getDouble("spam_probability"),
        rs.getString("trained_as"),
        rs.getInt("staff") == 1);
  }

  /** The article's comments in these statuses, oldest first. */
  List<Comment> forArticle(Transaction tx, long articleId, List<CommentStatus> statuses) {
    Handle h = tx.handle();
    return (h.createQuery(
            """
                    SELECT * FROM comment WHERE article_id = :article AND status IN (<statuses>)
                    ORDER BY created_at, id
                    """)
        .bind("article", articleId)
        .bindList("statuses", statuses.stream().map(CommentStatus::word).toList())
        .map((rs, ctx) -> comment(rs))
        .list());
  }

  /**
   * The article's comments in these statuses, oldest first, with only what arranging and paging a
   * thread needs (id, parent, status, time, name): a long thread is paged without reading the text
   * of comments no page shows.
   */
  List<Comment> outline(Transaction tx, long articleId, List<CommentStatus> statuses) {
    Handle h = tx.handle();
    return (h.createQuery(
            """
                    SELECT id, parent_id, author_name, status, created_at, staff FROM comment
                    WHERE article_id = :article AND status IN (<statuses>)
                    ORDER BY created_at, id
                    """)
        .bind("article", articleId)
        .bindList("statuses", statuses.stream().map(CommentStatus::word).toList())
        .map(
            (rs, ctx) -> {
              long parent = rs.getLong("parent_id");
              return new Comment(
                  rs.getLong("id"),
                  articleId,
                  rs.wasNull() ? null : parent,
                  rs.getString("author_name"),
                  "",
                  "",
                  "",
                  CommentStatus.parse(rs.getString("status")).orElseThrow(),
                  Instant.ofEpochMilli(rs.getLong("created_at")),
                  "",
                  false,
                  0,
                  "",
                  rs.getInt("staff") == 1);
            })
        .list());
  }

  Optional<Comment> byId(Transaction tx, long id) {
    Handle h = tx.handle();
    return (h.createQuery("SELECT * FROM comment WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> comment(rs))
        .findOne());
  }

  int countForArticle(Transaction tx, long articleId) {
    Handle h = tx.handle();
    return (h.createQuery(
            "SELECT COUNT(*) FROM comment WHERE article_id = :article AND status = 'approved'")
        .bind("article", articleId)
        .mapTo(Integer.class)
        .one());
  }

  /** Inserts a comment inside the caller's transaction and returns its id. */
  static long insert(Transaction tx, Comment comment) {
    Handle h = tx.handle();
    return h.createQuery(
            """
            INSERT INTO comment (article_id, parent_id, author_name, author_email, author_website,
              body, status, created_at, ip, notify_replies, spam_probability, user_agent, staff)
            VALUES (:article, :parent, :name, :email, :website, :body, :status, :created, :ip,
              :notify, :spam, :agent, :staff)
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
        .bind("spam", comment.spamProbability())
        .bind("agent", "")
        .bind("staff", comment.staff() ? 1 : 0)
        .mapTo(Long.class)
        .one();
  }

  // Limits and policy

  int countFromIpSince(Transaction tx, String ip, Instant since) {
    Handle h = tx.handle();
    return (h.createQuery("SELECT COUNT(*) FROM comment WHERE ip = :ip AND created_at >= :since")
        .bind("ip", ip)
        .bind("since", since.toEpochMilli())
        .mapTo(Integer.class)
        .one());
  }

  int countFromEmailSince(Transaction tx, String email, Instant since) {
    Handle h = tx.handle();
    return (h.createQuery(
            "SELECT COUNT(*) FROM comment WHERE author_email = :email AND created_at >= :since")
        .bind("email", email)
        .bind("since", since.toEpochMilli())
        .mapTo(Integer.class)
        .one());
  }

  boolean hasApprovedComment(Transaction tx, String email) {
    Handle h = tx.handle();
    return (h.createQuery(
                "SELECT COUNT(*) FROM comment WHERE author_email = :email AND status = 'approved'")
            .bind("email", email)
            .mapTo(Integer.class)
            .one()
        > 0);
  }

  boolean sameCommentSince(
      Transaction tx, long articleId, String email, String body, Instant since) {
    Handle h = tx.handle();
    return (h.createQuery(
                """
                    SELECT COUNT(*) FROM comment
                    WHERE article_id = :article AND author_email = :email AND body = :body
                      AND created_at >= :since AND status <> 'trash'
                    """)
            .bind("article", articleId)
            .bind("email", email)
            .bind("body", body)
            .bind("since", since.toEpochMilli())
            .mapTo(Integer.class)
            .one()
        > 0);
  }

  // Moderation

  List<Comment> byIds(Transaction tx, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Handle h = tx.handle();
    return (h.createQuery("SELECT * FROM comment WHERE id IN (<ids>) ORDER BY id")
        .bindList("ids", ids)
        .map((rs, ctx) -> comment(rs))
        .list());
  }

  /** Comments newest first, narrowed by status and article when given. */
  List<Comment> list(Transaction tx, CommentStatus status, Long articleId, int limit) {
    Handle h = tx.handle();
    return (h.createQuery(
            "SELECT * FROM comment WHERE 1 = 1"
                + (status == null ? "" : " AND status = :status")
                + (articleId == null ? "" : " AND article_id = :article")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit")
        .bind("status", status == null ? "" : status.word())
        .bind("article", articleId == null ? 0 : articleId)
        .bind("limit", limit)
        .map((rs, ctx) -> comment(rs))
        .list());
  }

  List<Comment> byEmail(Transaction tx, String email) {
    Handle h = tx.handle();
    return (h.createQuery(
            "SELECT * FROM comment WHERE LOWER(author_email) = LOWER(:email) ORDER BY id")
        .bind("email", email)
        .map((rs, ctx) -> comment(rs))
        .list());
  }

  static void setStatus(Transaction tx, long id, CommentStatus status, String trainedAs) {
    Handle h = tx.handle();
    h.createUpdate("UPDATE comment SET status = :status, trained_as = :trained WHERE id = :id")
        .bind("status", status.word())
        .bind("trained", trainedAs)
        .bind("id", id)
        .execute();
  }

  /** Removes what identifies a commenter, keeping the thread's shape for the replies. */
  static void erase(Transaction tx, long id, String replacementBody) {
    Handle h = tx.handle();
    h.createUpdate(
            """
            UPDATE comment SET author_name = 'Erased', author_email = '', author_website = '',
              body = :body, ip = '', user_agent = '', notify_replies = 0
            WHERE id = :id
            """)
        .bind("body", replacementBody)
        .bind("id", id)
        .execute();
  }

  static void stopReplyNotifications(Transaction tx, long id) {
    Handle h = tx.handle();
    h.createUpdate("UPDATE comment SET notify_replies = 0 WHERE id = :id").bind("id", id).execute();
  }

  // The spam filter's memory

  Map<String, SpamFilter.Counts> spamCounts(Transaction tx, Set<String> tokens) {
    if (tokens.isEmpty()) {
      return Map.of();
    }
    Handle h = tx.handle();
    Map<String, SpamFilter.Counts> counts = new HashMap<>();
    h.createQuery("SELECT token, spam_count, ham_count FROM spam_token WHERE token IN (<tokens>)")
        .bindList("tokens", List.copyOf(tokens))
        .map(
            (rs, ctx) ->
                Map.entry(rs.getString(1), new SpamFilter.Counts(rs.getInt(2), rs.getInt(3))))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  SpamFilter.Counts spamTotals(Transaction tx) {
    Handle h = tx.handle();
    return (h.createQuery("SELECT spam_count, ham_count FROM spam_total WHERE id = 1")
        .map((rs, ctx) -> new SpamFilter.Counts(rs.getInt(1), rs.getInt(2)))
        .one());
  }

  /** Adds (delta 1) or takes back (delta -1) what one comment taught the filter. */
  static void learn(Transaction tx, Set<String> tokens, boolean spam, int delta) {
    Handle h = tx.handle();
    String column = spam ? "spam_count" : "ham_count";
    for (String token : tokens) {
      String key = token.length() > 200 ? token.substring(0, 200) : token;
      h.createUpdate(
              "INSERT INTO spam_token (token, spam_count, ham_count) VALUES (:token, 0, 0)"
                  + " ON CONFLICT (token) DO NOTHING")
          .bind("token", key)
          .execute();
      h.createUpdate(
              "UPDATE spam_token SET "
                  + column
                  + " = CASE WHEN "
                  + column
                  + " + :delta < 0 THEN 0 ELSE "
                  + column
                  + " + :delta END WHERE token = :token")
          .bind("delta", delta)
          .bind("token", key)
          .execute();
    }
    h.createUpdate("UPDATE spam_total SET " + column + " = " + column + " + :delta WHERE id = 1")
        .bind("delta", delta)
        .execute();
  }

  void recordChange(Transaction tx, long articleId) {
    tx.record(CommentService.TOPIC, Long.toString(articleId));
  }

  /**
   * On PostgreSQL, queues this transaction behind any other posting from the same email address
   * until it ends, so two posts sent at once cannot both pass the limits. (SQLite's writers take
   * the database's lock at BEGIN.)
   */
  void queuePostsFrom(Transaction tx, String email) {
    if (tx.engine() == Engine.POSTGRESQL) {
      tx.handle()
          .createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked")
          .bind("key", (long) email.hashCode())
          .mapTo(Integer.class)
          .one();
    }
  }
}
