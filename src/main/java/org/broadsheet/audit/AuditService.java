package org.broadsheet.audit;

import java.time.Instant;
import java.util.List;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records who did what, and reads it back for administrators. */
public final class AuditService {
  private static final Logger log = LoggerFactory.getLogger(AuditService.class);

  /** One page of entries and whether there are more after it. */
  public record Page(List<AuditEntry> entries, int page, boolean more) {}

  private final Database database;
  private final AuditStore store = new AuditStore();

  public AuditService(Database database) {
    this.database = database;
  }

  /** Records an action now, in a transaction of its own. */
  public void record(Actor actor, String action, String subject, String detail) {
    database.useTransaction(tx -> record(tx, actor, action, subject, detail));
  }

  /**
   * Records an action in the caller's transaction, so the entry and what it describes commit (or
   * roll back) together. Also logged at INFO, one line.
   */
  public void record(Transaction tx, Actor actor, String action, String subject, String detail) {
    store.add(
        tx,
        Instant.now(),
        clip(actor.name(), 400),
        action,
        clip(subject, 400),
        detail == null ? "" : detail,
        clip(actor.ip(), 64));
    log.info("Audit: {} {} {}", actor.name(), action, subject);
  }

  public Page search(AuditQuery query) {
    List<AuditEntry> found = database.read(tx -> store.search(tx, query, query.pageSize() + 1));
    boolean more = found.size() > query.pageSize();
    return new Page(more ? found.subList(0, query.pageSize()) : found, query.page(), more);
  }

  /** The actions recorded so far, for a filter's choices. */
  public List<String> actions() {
    return database.read(store::actions);
  }

  private static String clip(String text, int max) {
    String value = text == null ? "" : text;
    return value.length() > max ? value.substring(0, max) : value;
  }
}
