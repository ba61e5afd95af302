package org.broadsheet.app;

import java.time.Duration;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time comes, by the site's clock: once when the site
 * starts (an article due while it was stopped is published at once), then every interval while it
 * serves. Each publication is in the audit log; the change log carries it to pages, feeds, search
 * and sitemaps on every node.
 */
final class ScheduledPublishing implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);
  private static final Actor SCHEDULE = new Actor("schedule", "");

  private final ArticleService articles;
  private final AuditService audit;
  private volatile boolean closed;
  private Thread thread;

  ScheduledPublishing(ArticleService articles, AuditService audit) {
    this.articles = articles;
    this.audit = audit;
  }

  /** Publishes what is due now. */
  void publishDue() {
    for (DeskArticle article : articles.publishDue()) {
      audit.record(SCHEDULE, "article.publish", article.slug(), "on schedule");
      log.info("Published {} on schedule", article.slug());
    }
  }

  void start(Duration interval) {
    publishDue();
    thread =
        Thread.ofVirtual()
            .name("scheduled-publishing")
            .start(
                () -> {
                  while (!closed) {
                    try {
                      Thread.sleep(interval);
                      if (!closed) {
                        publishDue();
                      }
                    } catch (InterruptedException e) {
                      return;
                    } catch (RuntimeException e) {
                      log.warn(
                          "Could not publish scheduled articles; will try again: {}", e.toString());
                    }
                  }
                });
  }

  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
