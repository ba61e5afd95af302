package org.broadsheet.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.statement.Query;

/** All SQL of the audit log. */
final class AuditStore {
  void add(
      Transaction tx,
      Instant at,
      String actor,
      String action,
      String subject,
      String detail,
      String ip) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO audit_event (at, actor, action, subject, detail, ip)
            VALUES (:at, :actor, :action, :subject, :detail, :ip)
            """)
        .bind("at", at.toEpochMilli())
        .bind("actor", actor)
        .bind("action", action)
        .bind("subject", subject)
        .bind("detail", detail)
        .bind("ip", ip)
        .execute();
  }

  /** Up to `limit` entries of the query's page, newest first. */
  List<AuditEntry> search(Transaction tx, AuditQuery query, int limit) {
    List<String> where = new ArrayList<>();
    if (query.actor() != null) {
      where.add("actor = :actor");
    }
    if (query.action() != null) {
      where.add("(action = :action OR action LIKE :under)");
    }
    if (query.from() != null) {
      where.add("at >= :from");
    }
    if (query.until() != null) {
      where.add("at < :until");
    }
    Query select =
        tx.handle()
            .createQuery(
                "SELECT * FROM audit_event"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
    if (query.actor() != null) {
      select.bind("actor", query.actor());
    }
    if (query.action() != null) {
      select.bind("action", query.action());
      select.bind("under", query.action().replace("%", "").replace("_", "") + ".%");
    }
    if (query.from() != null) {
      select.bind("from", query.from().toEpochMilli());
    }
    if (query.until() != null) {
      select.bind("until", query.until().toEpochMilli());
    }
    return select
        .bind("limit", limit)
        .bind("offset", (long) (query.page() - 1) * query.pageSize())
        .map(
            (rs, ctx) ->
                new AuditEntry(
                    rs.getLong("id"),
                    Instant.ofEpochMilli(rs.getLong("at")),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("subject"),
                    rs.getString("detail"),
                    rs.getString("ip")))
        .list();
  }

  List<String> actions(Transaction tx) {
    return tx.handle()
        .createQuery("SELECT DISTINCT action FROM audit_event ORDER BY action")
        .mapTo(String.class)
        .list();
  }
}
