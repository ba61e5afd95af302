package org.broadsheet.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * Counts and times every request, cached answers included, by kind of page, status and cache:
 * `broadsheet_http_requests_seconds` (a histogram for Prometheus). The kinds are a fixed few, so a
 * flood of made-up addresses cannot create new series; the timers are found by index, so a cached
 * answer pays no allocation to be counted.
 */
final class TrafficMetrics implements RequestLog {
  private static final List<String> KINDS =
      List.of(
          "front",
          "article",
          "listing",
          "feed",
          "sitemap",
          "picture",
          "asset",
          "health",
          "metrics",
          "comment",
          "comment_post",
          "other_post",
          "other");
  private static final Duration[] BUCKETS =
      java.util.stream.LongStream.of(
              250,
              500,
              1_000,
              2_500,
              5_000,
              10_000,
              25_000,
              50_000,
              100_000,
              250_000,
              500_000,
              1_000_000,
              2_500_000,
              5_000_000,
              10_000_000)
          .mapToObj(micros -> Duration.ofNanos(micros * 1000))
          .toArray(Duration[]::new);
  private static final int STATUSES = 600;

  private final MeterRegistry registry;
  private final AtomicReferenceArray<Timer> timers =
      new AtomicReferenceArray<>(KINDS.size() * STATUSES * 2);

  TrafficMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void log(Request request, Response response) {
    long nanos = System.nanoTime() - request.getBeginNanoTime();
    int kind = kind(request.getMethod(), request.getHttpURI().getPath());
    int status = Math.clamp(response.getStatus(), 0, STATUSES - 1);
    boolean hit = response.getHeaders().contains("X-Cache", "HIT");
    int index = (kind * STATUSES + status) * 2 + (hit ? 1 : 0);
    Timer timer = timers.get(index);
    if (timer == null) {
      timer =
          Timer.builder("broadsheet_http_requests")
              .description("Requests answered, by kind of page, status and cache")
              .tag("kind", KINDS.get(kind))
              .tag("status", Integer.toString(status))
              .tag("cache", hit ? "hit" : "miss")
              .serviceLevelObjectives(BUCKETS)
              .register(registry);
      timers.set(index, timer);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The index in {@link #KINDS} of a request's kind of page. */
  static int kind(String method, String path) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return KINDS.indexOf(path.endsWith("/comments") ? "comment_post" : "other_post");
    }
    if (path.equals("/")) {
      return 0;
    }
    if (path.endsWith(".atom") || path.endsWith(".xml") || path.endsWith(".json")) {
      return KINDS.indexOf(path.contains("sitemap") ? "sitemap" : "feed");
    }
    if (path.startsWith("/articles/")) {
      return 1;
    }
    if (path.startsWith("/section/") || path.startsWith("/tag/") || path.startsWith("/author/")) {
      return 2;
    }
    if (path.startsWith("/media/")) {
      return 5;
    }
    if (path.startsWith("/assets/")) {
      return 6;
    }
    return KINDS.indexOf(
        switch (path) {
          case "/healthz" -> "health";
          case "/metrics" -> "metrics";
          default -> path.startsWith("/comments") ? "comment" : "other";
        });
  }
}
