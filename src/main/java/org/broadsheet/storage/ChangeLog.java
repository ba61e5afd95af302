package org.broadsheet.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed changes a running site must react to, whoever made them: this process, the command
 * line beside it, or another node on the same PostgreSQL. Writers record a change inside their
 * transaction ({@link Transaction#record}); a running site {@link #watch}es and tells its
 * listeners.
 */
public final class ChangeLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);

  /** One committed change: a topic such as "article" or "setting" and what it concerns. */
  public record Change(long id, String topic, String subject) {}

  static final String NOTICE_CHANNEL = "broadsheet_changes";
  private static final long RECHECK_MILLIS = 60_000;

  private final Database database;
  private final ChangeSignal signal;
  private final List<Consumer<List<Change>>> listeners = new CopyOnWriteArrayList<>();
  private volatile long seen;
  private final java.util.Map<Long, Long> recentlyHandled = new java.util.HashMap<>();
  private volatile long handledSignal;
  private volatile Thread watcher;
  private volatile boolean closed;

  ChangeLog(Database database, ChangeSignal signal) {
    this.database = database;
    this.signal = signal;
    this.handledSignal = signal.current();
    this.seen = latestId();
  }

  /**
   * Records a change inside the caller's transaction; the signal moves once it commits. Writers
   * call it through {@link Transaction#record}.
   */
  void record(Handle handle, String topic, String subject) {
    handle
        .createUpdate(
            "INSERT INTO change_log (topic, subject, changed_at) VALUES (:topic, :subject, :at)")
        .bind("topic", topic)
        .bind("subject", subject == null ? "" : subject)
        .bind("at", System.currentTimeMillis())
        .execute();
    if (database.engine() == Engine.POSTGRESQL) {
      // Delivered to every listening node when the transaction commits.
      handle.execute("NOTIFY " + NOTICE_CHANNEL);
    }
    handle.afterCommit(signal::bump);
  }

  Engine engine() {
    return database.engine();
  }

  /** Whether changes were committed that this process has not caught up with: one memory read. */
  public boolean behind() {
    return signal.current() != handledSignal;
  }

  /**
   * Catches up when the signal moved since the last look; otherwise returns at once. Callers that
   * see the signal move wait for the one catching up, so they never act on old state.
   */
  public void catchUpIfSignalled() {
    if (!behind()) {
      return;
    }
    synchronized (this) {
      long current = signal.current();
      if (current == handledSignal) {
        return;
      }
      catchUp();
      handledSignal = current;
    }
  }

  /** The id of the newest change recorded: where a reader of the log that starts now stands. */
  public long latestId() {
    return database.withHandle(
        h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM change_log").mapTo(Long.class).one());
  }

  /**
   * The changes of one topic recorded after {@code afterId} or at or after {@code sinceMillis},
   * oldest first: what a follower that kept its own place in the log (and was away for a while)
   * must catch up with. Overlap with what it saw is expected; applying a change twice must be
   * harmless.
   */
  public List<Change> recordedSince(String topic, long afterId, long sinceMillis) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, topic, subject FROM change_log
                    WHERE topic = :topic AND (id > :after OR changed_at >= :since) ORDER BY id
                    """)
                .bind("topic", topic)
                .bind("after", afterId)
                .bind("since", sinceMillis)
                .map((rs, ctx) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list());
  }

  public void addListener(Consumer<List<Change>> listener) {
    listeners.add(listener);
  }

  /**
   * Reads the changes committed since the last look and tells the listeners; returns them.
   *
   * <p>On PostgreSQL ids are handed out at insert, not at commit, so a long transaction can commit
   * a lower id after a higher one was read. The look therefore also rereads the last minute of
   * changes and skips the ones already handled.
   */
  public synchronized List<Change> catchUp() {
    long since = System.currentTimeMillis() - RECHECK_MILLIS;
    List<Change> changes =
        database
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT id, topic, subject, changed_at FROM change_log
                            WHERE id > :seen OR changed_at >= :since ORDER BY id
                            """)
                        .bind("seen", seen)
                        .bind("since", since)
                        .map(
                            (rs, ctx) ->
                                new Change(
                                    rs.getLong("id"),
                                    rs.getString("topic"),
                                    rs.getString("subject")))
                        .list())
            .stream()
            .filter(change -> change.id() > seen || !recentlyHandled.containsKey(change.id()))
            .toList();
    if (!changes.isEmpty()) {
      // The changes count as handled only once every listener took them.
      for (Consumer<List<Change>> listener : listeners) {
        listener.accept(changes);
      }
      long now = System.currentTimeMillis();
      for (Change change : changes) {
        recentlyHandled.put(change.id(), now);
        seen = Math.max(seen, change.id());
      }
    }
    recentlyHandled.values().removeIf(at -> at < since - RECHECK_MILLIS);
    return changes;
  }

  /**
   * On PostgreSQL, listens for other nodes' change notices on a connection of its own and moves the
   * signal when one arrives, so this node catches up before its next request.
   */
  public void listenForOtherNodes() {
    if (database.engine() != Engine.POSTGRESQL) {
      return;
    }
    Thread.ofPlatform()
        .daemon()
        .name("change-listener")
        .start(
            () -> {
              while (!closed) {
                try (java.sql.Connection connection = database.dedicatedConnection()) {
                  connection.createStatement().execute("LISTEN " + NOTICE_CHANNEL);
                  org.postgresql.PGConnection postgres =
                      connection.unwrap(org.postgresql.PGConnection.class);
                  while (!closed) {
                    org.postgresql.PGNotification[] notices = postgres.getNotifications(500);
                    if (notices != null && notices.length > 0) {
                      signal.bump();
                    }
                  }
                } catch (java.sql.SQLException e) {
                  if (!closed) {
                    log.warn("Lost the change listener connection; reconnecting: {}", e.toString());
                    signal.bump();
                    sleepQuietly(1_000);
                  }
                }
              }
            });
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Polls for changes made by other processes until closed. */
  public void watch(Duration interval) {
    Thread thread =
        Thread.ofPlatform()
            .daemon()
            .name("change-watcher")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      Thread.sleep(interval);
                      catchUp();
                    } catch (InterruptedException e) {
                      return;
                    } catch (RuntimeException e) {
                      log.warn("Could not read the change log; will try again: {}", e.toString());
                    }
                  }
                });
    watcher = thread;
  }

  @Override
  public void close() {
    closed = true;
    Thread thread = watcher;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
