package org.broadsheet.comment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What became of posted comments, counted for /metrics (`broadsheet_comments_total` by outcome and
 * reason) and logged at INFO, one line a decision, never with an email address.
 */
final class CommentMetrics {
  private static final Logger log = LoggerFactory.getLogger(CommentMetrics.class);
  private static final Set<String> FIELDS =
      Set.of("form", "name", "email", "website", "comment", "parent");

  private final MeterRegistry registry;

  CommentMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void published(Comment comment) {
    count("published", "none");
    log.info("Comment {} on article {} published", comment.id(), comment.articleId());
  }

  void held(Comment comment) {
    count("held", comment.status().name().toLowerCase(java.util.Locale.ROOT));
    log.info(
        "Comment {} on article {} held ({})",
        comment.id(),
        comment.articleId(),
        comment.status().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Refused for the fields named (a fixed few, so reasons stay a short list). */
  void refused(long articleId, Map<String, String> problems) {
    Set<String> fields = new TreeSet<>();
    for (String field : problems.keySet()) {
      fields.add(FIELDS.contains(field) ? field : "other");
    }
    String reason = String.join("+", fields);
    count("refused", reason);
    log.info("Comment on article {} refused: {}", articleId, reason);
  }

  void refused(long articleId, String reason) {
    count("refused", reason);
    log.info("Comment on article {} refused: {}", articleId, reason);
  }

  private void count(String outcome, String reason) {
    Counter.builder("broadsheet_comments")
        .description("Comments posted, by outcome and reason")
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
