package org.broadsheet.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.broadsheet.article.Article;
import org.broadsheet.comment.CommentDraft;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.PostOutcome;
import org.broadsheet.comment.Visitor;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;

/**
 * Comment posts accepted per second, on SQLite and on PostgreSQL: writers post through the comment
 * service (all its checks, the spam filter, the count update and the change record) and count a
 * post only once its transaction has committed and it is published.
 */
public final class CommentPostBench {
  private CommentPostBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int writers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    for (Engine engine : Engine.values()) {
      try (TestSite site = TestSite.open(engine).withDemo()) {
        SettingsService settings = site.application().settings();
        settings.set("comments.moderation", "none");
        settings.set("comments.min_fill_seconds", "0");
        settings.set("comments.rate_per_ip_per_hour", "100000");
        settings.set("comments.rate_per_email_per_hour", "100000");
        CommentService comments = site.application().comments();
        Article article =
            site.application()
                .articles()
                .published("lower-quay-evacuation-agreement")
                .orElseThrow();
        AtomicInteger sequence = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
        long measureFrom = System.nanoTime() + 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          threads.add(
              Thread.ofVirtual()
                  .start(
                      () -> {
                        while (System.nanoTime() < end) {
                          String outcome = post(comments, article, sequence.incrementAndGet());
                          if (outcome == null) {
                            if (System.nanoTime() > measureFrom) {
                              accepted.incrementAndGet();
                            }
                          } else {
                            refused
                                .computeIfAbsent(outcome, k -> new AtomicLong())
                                .incrementAndGet();
                          }
                        }
                      }));
        }
        for (Thread thread : threads) {
          thread.join();
        }
        System.out.printf(
            "comment posts on %s: %,.0f accepted per second (%d writers, %d s, each acknowledged after commit)%n",
            engine == Engine.SQLITE ? "SQLite" : "PostgreSQL",
            accepted.get() / (double) seconds,
            writers,
            seconds);
        refused.forEach(
            (what, count) -> System.out.printf("  not accepted: %,d x %s%n", count.get(), what));
      }
    }
  }

  /** Posts comment number n; null when it was published, else what happened instead. */
  private static String post(CommentService comments, Article article, int n) {
    try {
      PostOutcome outcome =
          comments.post(
              article,
              new CommentDraft(
                  "Reader " + n,
                  "reader" + n + "@example.org",
                  "",
                  "Comment number " + n + " on the evacuation figures, which still differ.",
                  "",
                  false,
                  ""),
              new Visitor("10.0." + (n % 250) + "." + (n % 200), "bench", Instant.EPOCH),
              Instant.now());
      return outcome instanceof PostOutcome.Published ? null : outcome.toString();
    } catch (RuntimeException e) {
      return e.toString();
    }
  }
}
