package org.broadsheet.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.storage.Database;

/**
 * Readers' reports of published comments. A report never hides a comment: it puts it in the
 * moderators' reported list, with the reasons given, until a moderator answers it.
 */
public final class CommentReports {
  /** The reasons a reader may give, by the word the form sends, with what the form shows. */
  public static final Map<String, String> REASONS = reasons();

  /** What became of a report. */
  public sealed interface Outcome {
    /** Stored, or already open from the same address (counted once). */
    record Received(Comment comment) implements Outcome {}

    /** Too many reports from the address within the hour; nothing stored. */
    record Limited(String message) implements Outcome {}

    /** The reason is not one of {@link #REASONS}; nothing stored. */
    record Refused(String message) implements Outcome {}

    /** No published comment has the id. */
    record NotFound() implements Outcome {}
  }

  private final Database database;
  private final Supplier<CommentSettings> settings;
  private final CommentStore comments = new CommentStore();
  private final ModerationStore store = new ModerationStore();

  CommentReports(Database database, Supplier<CommentSettings> settings) {
    this.database = database;
    this.settings = settings;
  }

  /** A published comment readers may report; empty for any other. */
  public Optional<Comment> reportable(long id) {
    return database
        .read(tx -> comments.byId(tx, id))
        .filter(c -> c.status() == CommentStatus.APPROVED);
  }

  public Outcome report(long commentId, String reason, String ip, Instant now) {
    String why = reason == null ? "" : reason.strip();
    if (!why.isEmpty() && !REASONS.containsKey(why)) {
      return new Outcome.Refused("Please choose one of the reasons listed, or none.");
    }
    int limit = settings.get().reportsPerIpPerHour();
    return database.inTransaction(
        tx -> {
          Optional<Comment> comment =
              comments.byId(tx, commentId).filter(c -> c.status() == CommentStatus.APPROVED);
          if (comment.isEmpty()) {
            return new Outcome.NotFound();
          }
          if (store.hasOpenReportFrom(tx, commentId, ip)) {
            return new Outcome.Received(comment.get());
          }
          if (store.reportsFromIpSince(tx, ip, now.minus(Duration.ofHours(1))) >= limit) {
            return new Outcome.Limited(
                "Too many reports from your address: at most %d an hour. Please try again later."
                    .formatted(limit));
          }
          store.addReport(tx, commentId, why, ip, now);
          return new Outcome.Received(comment.get());
        });
  }

  private static Map<String, String> reasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("spam", "Spam or advertising");
    reasons.put("abuse", "Abuse, harassment or hate");
    reasons.put("off-topic", "Off topic");
    reasons.put("personal", "Shares someone's personal information");
    reasons.put("other", "Something else");
    return java.util.Collections.unmodifiableMap(reasons);
  }
}
