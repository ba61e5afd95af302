package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;

/**
 * Corrections of articles and their history: an edit or a withdrawal first copies what stood before
 * into {@code correction_history}, so nothing is ever edited away without a trace.
 */
final class CorrectionStore {
  private static final String SELECT =
      """
      SELECT c.id, c.article_id, a.slug, a.headline, c.kind, c.corrected_at, c.text,
        c.withdrawn_at, c.withdrawn_reason
      FROM correction c JOIN article a ON a.id = c.article_id
      """;

  private final java.time.Clock clock;

  /**
   * @param clock the site's clock, which stamps when a correction was made, changed or withdrawn
   */
  CorrectionStore(java.time.Clock clock) {
    this.clock = clock;
  }

  long add(Transaction tx, long articleId, Correction.Kind kind, Instant date, String text) {
    return tx.handle()
        .createQuery(
            """
            INSERT INTO correction (article_id, kind, corrected_at, text, created_at)
            VALUES (:article, :kind, :date, :text, :now)
            RETURNING id
            """)
        .bind("article", articleId)
        .bind("kind", kind.word())
        .bind("date", date.toEpochMilli())
        .bind("text", text)
        .bind("now", clock.millis())
        .mapTo(Long.class)
        .one();
  }

  Optional<Correction> byId(Transaction tx, long id) {
    return tx.handle()
        .createQuery(SELECT + " WHERE c.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> correction(rs))
        .findOne();
  }

  /** Keeps what the correction said before a change, with why it changed. */
  void keepHistory(Transaction tx, Correction before, String action, String reason) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO correction_history
              (correction_id, action, changed_at, kind, corrected_at, text, reason)
            VALUES (:id, :action, :now, :kind, :date, :text, :reason)
            """)
        .bind("id", before.id())
        .bind("action", action)
        .bind("now", clock.millis())
        .bind("kind", before.kind().word())
        .bind("date", before.date().toEpochMilli())
        .bind("text", before.text())
        .bind("reason", reason)
        .execute();
  }

  void edit(Transaction tx, long id, Correction.Kind kind, Instant date, String text) {
    tx.handle()
        .createUpdate(
            "UPDATE correction SET kind = :kind, corrected_at = :date, text = :text WHERE id = :id")
        .bind("id", id)
        .bind("kind", kind.word())
        .bind("date", date.toEpochMilli())
        .bind("text", text)
        .execute();
  }

  void withdraw(Transaction tx, long id, String reason) {
    tx.handle()
        .createUpdate(
            "UPDATE correction SET withdrawn_at = :now, withdrawn_reason = :reason WHERE id = :id")
        .bind("id", id)
        .bind("now", clock.millis())
        .bind("reason", reason)
        .execute();
  }

  /** The changes a correction went through, oldest first: action, time, text before, reason. */
  List<CorrectionService.Change> history(Transaction tx, long id) {
    return tx.handle()
        .createQuery(
            """
            SELECT action, changed_at, kind, text, reason FROM correction_history
            WHERE correction_id = :id ORDER BY changed_at, id
            """)
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new CorrectionService.Change(
                    rs.getString(1),
                    Instant.ofEpochMilli(rs.getLong(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  /** An article's corrections, oldest first, withdrawn ones included when asked. */
  List<Correction> ofArticle(Transaction tx, long articleId, boolean withWithdrawn) {
    return tx.handle()
        .createQuery(
            SELECT
                + " WHERE c.article_id = :article"
                + (withWithdrawn ? "" : " AND c.withdrawn_at IS NULL")
                + " ORDER BY c.corrected_at, c.id")
        .bind("article", articleId)
        .map((rs, ctx) -> correction(rs))
        .list();
  }

  /** Corrections of published articles, newest first. */
  List<Correction> newest(Transaction tx, boolean withWithdrawn, int limit) {
    return tx.handle()
        .createQuery(
            SELECT
                + " WHERE "
                + ArticleStore.PUBLISHED
                + (withWithdrawn ? "" : " AND c.withdrawn_at IS NULL")
                + " ORDER BY c.corrected_at DESC, c.id DESC LIMIT :limit")
        .bind("now", clock.millis())
        .bind("limit", limit)
        .map((rs, ctx) -> correction(rs))
        .list();
  }

  /** Every correction, withdrawn ones too, of any article, newest first: for the newsroom. */
  List<Correction> all(Transaction tx, int limit) {
    return tx.handle()
        .createQuery(SELECT + " ORDER BY c.corrected_at DESC, c.id DESC LIMIT :limit")
        .bind("limit", limit)
        .map((rs, ctx) -> correction(rs))
        .list();
  }

  /** A correction makes the article modified: its updated time is at least the correction's. */
  void touchArticle(Transaction tx, long articleId, Instant at) {
    tx.handle()
        .createUpdate("UPDATE article SET updated_at = :at WHERE id = :id AND updated_at < :at")
        .bind("id", articleId)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  /** An article's standing corrections, oldest first, as its page shows them. */
  static List<Correction> standing(Handle h, long articleId) {
    return h.createQuery(
            SELECT
                + " WHERE c.article_id = :article AND c.withdrawn_at IS NULL"
                + " ORDER BY c.corrected_at, c.id")
        .bind("article", articleId)
        .map((rs, ctx) -> correction(rs))
        .list();
  }

  private static Correction correction(ResultSet rs) throws SQLException {
    long withdrawn = rs.getLong("withdrawn_at");
    boolean isWithdrawn = !rs.wasNull();
    return new Correction(
        rs.getLong("id"),
        rs.getLong("article_id"),
        rs.getString("slug"),
        rs.getString("headline"),
        Correction.Kind.parse(rs.getString("kind")).orElse(Correction.Kind.CORRECTION),
        Instant.ofEpochMilli(rs.getLong("corrected_at")),
        rs.getString("text"),
        isWithdrawn ? Instant.ofEpochMilli(withdrawn) : null,
        isWithdrawn ? rs.getString("withdrawn_reason") : null);
  }
}
