package org.broadsheet.comment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the moderators' queue and of readers' reports. Every method runs in the transaction
 * its caller opened.
 */
final class ModerationStore {
  /** One open report's reason, for the comment it is about. */
  record OpenReport(long commentId, String reason) {}

  /**
   * One page of comments in a status, newest first; `status` null means the comments with open
   * reports, whatever their status.
   */
  List<Comment> shelf(Transaction tx, CommentStatus status, Long articleId, int limit, int offset) {
    Handle h = tx.handle();
    return h.createQuery(
            "SELECT * FROM comment WHERE "
                + (status == null
                    ? "id IN (SELECT comment_id FROM comment_report WHERE closed_at IS NULL)"
                    : "status = :status")
                + (articleId == null ? "" : " AND article_id = :article")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
        .bind("status", status == null ? "" : status.word())
        .bind("article", articleId == null ? 0 : articleId)
        .bind("limit", limit)
        .bind("offset", offset)
        .map((rs, ctx) -> CommentStore.comment(rs))
        .list();
  }

  /** How many comments are in each status, on one article or on all. */
  Map<CommentStatus, Integer> countsByStatus(Transaction tx, Long articleId) {
    Handle h = tx.handle();
    Map<CommentStatus, Integer> counts = new LinkedHashMap<>();
    for (CommentStatus status : CommentStatus.values()) {
      counts.put(status, 0);
    }
    // Article 0 (no article has it) stands for every article.
    h.createQuery(
            "SELECT status, COUNT(*) FROM comment"
                + " WHERE (:article = 0 OR article_id = :article) GROUP BY status")
        .bind("article", articleId == null ? 0 : articleId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .forEach(e -> CommentStatus.parse(e.getKey()).ifPresent(s -> counts.put(s, e.getValue())));
    return counts;
  }

  /** How many comments, on one article or on all, have open reports. */
  int reportedCount(Transaction tx, Long articleId) {
    Handle h = tx.handle();
    return h.createQuery(
            """
            SELECT COUNT(DISTINCT r.comment_id) FROM comment_report r
            JOIN comment c ON c.id = r.comment_id
            WHERE r.closed_at IS NULL AND (:article = 0 OR c.article_id = :article)
            """)
        .bind("article", articleId == null ? 0 : articleId)
        .mapTo(Integer.class)
        .one();
  }

  /** How many comments from this email were approved, written before this one. */
  int approvedBefore(Transaction tx, String email, Instant before, long exceptId) {
    Handle h = tx.handle();
    return h.createQuery(
            """
            SELECT COUNT(*) FROM comment
            WHERE author_email = :email AND status = 'approved' AND created_at <= :before
              AND id <> :id
            """)
        .bind("email", email)
        .bind("before", before.toEpochMilli())
        .bind("id", exceptId)
        .mapTo(Integer.class)
        .one();
  }

  // Reports

  List<OpenReport> openReports(Transaction tx, List<Long> commentIds) {
    if (commentIds.isEmpty()) {
      return List.of();
    }
    Handle h = tx.handle();
    return h.createQuery(
            """
            SELECT comment_id, reason FROM comment_report
            WHERE closed_at IS NULL AND comment_id IN (<ids>) ORDER BY id
            """)
        .bindList("ids", commentIds)
        .map((rs, ctx) -> new OpenReport(rs.getLong(1), rs.getString(2)))
        .list();
  }

  int reportsFromIpSince(Transaction tx, String ip, Instant since) {
    Handle h = tx.handle();
    return h.createQuery(
            "SELECT COUNT(*) FROM comment_report WHERE ip = :ip AND created_at >= :since")
        .bind("ip", ip)
        .bind("since", since.toEpochMilli())
        .mapTo(Integer.class)
        .one();
  }

  boolean hasOpenReportFrom(Transaction tx, long commentId, String ip) {
    Handle h = tx.handle();
    return h.createQuery(
                """
                SELECT COUNT(*) FROM comment_report
                WHERE comment_id = :comment AND ip = :ip AND closed_at IS NULL
                """)
            .bind("comment", commentId)
            .bind("ip", ip)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  void addReport(Transaction tx, long commentId, String reason, String ip, Instant at) {
    Handle h = tx.handle();
    h.createUpdate(
            """
            INSERT INTO comment_report (comment_id, reason, ip, created_at)
            VALUES (:comment, :reason, :ip, :at)
            """)
        .bind("comment", commentId)
        .bind("reason", reason)
        .bind("ip", ip)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  /** Closes a comment's open reports; returns how many were open. */
  int closeReports(Transaction tx, long commentId, Instant at) {
    Handle h = tx.handle();
    return h.createUpdate(
            """
            UPDATE comment_report SET closed_at = :at
            WHERE comment_id = :comment AND closed_at IS NULL
            """)
        .bind("comment", commentId)
        .bind("at", at.toEpochMilli())
        .execute();
  }
}
