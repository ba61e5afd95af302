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
 * line beside it, or another node on the same PostgreSQL. Writers {@link #record} a change inside
 * their transaction; a running site {@link #watch}es and tells its listeners.
 */
public final class ChangeLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);

  /** One committed change: a topic such as "article" or "setting" and what it concerns. */
  public record Change(long id, String topic, String subject) {}

  private final Database database;
  private final List<Consumer<List<Change>>> listeners = new CopyOnWriteArrayList<>();
  private volatile long seen;
  private volatile Thread watcher;

  public ChangeLog(Database database) {
    this.database = database;
    this.seen = latestId();
  }

  public static void record(Handle handle, String topic, String subject) {
    handle
        .createUpdate(
            "INSERT INTO change_log (topic, subject, changed_at) VALUES (:topic, :subject, :at)")
        .bind("topic", topic)
        .bind("subject", subject == null ? "" : subject)
        .bind("at", System.currentTimeMillis())
        .execute();
  }

  public long latestId() {
    return database.withHandle(
        h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM change_log").mapTo(Long.class).one());
  }

  public void addListener(Consumer<List<Change>> listener) {
    listeners.add(listener);
  }

  /** Reads the changes committed since the last look and tells the listeners; returns them. */
  public synchronized List<Change> catchUp() {
    List<Change> changes =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, topic, subject FROM change_log WHERE id > :seen ORDER BY id")
                    .bind("seen", seen)
                    .map(
                        (rs, ctx) ->
                            new Change(
                                rs.getLong("id"), rs.getString("topic"), rs.getString("subject")))
                    .list());
    if (!changes.isEmpty()) {
      seen = changes.getLast().id();
      for (Consumer<List<Change>> listener : listeners) {
        listener.accept(changes);
      }
    }
    return changes;
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
    Thread thread = watcher;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
