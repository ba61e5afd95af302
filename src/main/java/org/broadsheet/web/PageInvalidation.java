package org.broadsheet.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the page cache true to the database and the clock: drops exactly the pages that show what
 * changed, as every feature's {@link PageRules} name them, and every few seconds the pages that
 * time alone changed.
 */
public final class PageInvalidation implements AutoCloseable {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(PageInvalidation.class);

  /** One committed change, as its writer recorded it. */
  public record Changed(String topic, String subject) {}

  private final PageCache pages;
  private final List<PageRules> rules;
  private volatile Thread clockWatcher;
  private volatile boolean closed;

  private final Clock clock;

  public PageInvalidation(PageCache pages, List<PageRules> rules) {
    this(pages, rules, Clock.systemUTC());
  }

  /**
   * @param clock what the clock watcher reads the time from; tests move it
   */
  public PageInvalidation(PageCache pages, List<PageRules> rules, Clock clock) {
    this.pages = pages;
    this.rules = List.copyOf(rules);
    this.clock = clock;
  }

  /** Drops the pages that show these committed changes. */
  public void changed(List<Changed> changes) {
    pages.invalidate(tagsFor(changes));
  }

  Set<String> tagsFor(List<Changed> changes) {
    Set<String> tags = new HashSet<>();
    for (Changed change : changes) {
      boolean known = false;
      for (PageRules rule : rules) {
        Set<String> dropped = rule.drops(change.topic(), change.subject());
        known |= !dropped.isEmpty();
        tags.addAll(dropped);
      }
      if (!known) {
        // Nobody said what this change shows on: drop everything rather than keep a stale page.
        tags.add(PageCache.EVERYTHING);
      }
    }
    return tags;
  }

  /**
   * Some pages change with time alone, with no write to record. Every interval this drops the pages
   * the features' rules name for the time passed since the last look.
   */
  public void watchTheClock(Duration interval) {
    clockWatcher =
        Thread.ofVirtual()
            .name("clock-watcher")
            .start(
                () -> {
                  Instant last = clock.instant();
                  while (!closed) {
                    try {
                      Thread.sleep(interval);
                      if (closed) {
                        return;
                      }
                      Instant now = clock.instant();
                      Set<String> tags = new HashSet<>();
                      for (PageRules rule : rules) {
                        tags.addAll(rule.changedBetween(last, now));
                      }
                      pages.invalidate(tags);
                      last = now;
                    } catch (InterruptedException e) {
                      return;
                    } catch (RuntimeException e) {
                      log.warn("Could not check for pages changed by time: {}", e.toString());
                    }
                  }
                });
  }

  @Override
  public void close() {
    closed = true;
    Thread watcher = clockWatcher;
    if (watcher != null) {
      watcher.interrupt();
    }
  }
}
