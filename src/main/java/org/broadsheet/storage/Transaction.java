package org.broadsheet.storage;

import org.jdbi.v3.core.Handle;

/**
 * One open unit of work on the database, opened by a service ({@link Database#inTransaction} or
 * {@link Database#read}) and handed to every store method it calls. A service never looks inside; a
 * store runs its SQL on {@link #handle()} and never opens a transaction of its own, so what a
 * service writes commits or rolls back as one, and a lock taken by one store call is visibly held
 * for the next.
 */
public final class Transaction {
  private final Handle handle;
  private final ChangeLog changes;

  Transaction(Handle handle, ChangeLog changes) {
    this.handle = handle;
    this.changes = changes;
  }

  /** For stores: the Jdbi handle this unit of work runs on. */
  public Handle handle() {
    return handle;
  }

  /** Records a change the running site must react to; it is seen once this transaction commits. */
  public void record(String topic, String subject) {
    changes.record(handle, topic, subject);
  }

  public Engine engine() {
    return changes.engine();
  }
}
