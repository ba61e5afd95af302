package org.broadsheet.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * Counts and times every request, cached answers included, by kind of page and status:
 * `broadsheet_http_requests_seconds` (a histogram with percentiles for Prometheus). The kinds are a
 * fixed few, so a flood of made-up addresses cannot create new series.
 */
final class TrafficMetrics implements RequestLog {
  private static final java.time.Duration[] BUCKETS =
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
          .mapToObj(java.time.Duration::ofNanos)
          .map(d -> d.multipliedBy(1000))
          .toArray(java.time.Duration[]::new);

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

  TrafficMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void log(Request request, Response response) {
    long nanos = System.nanoTime() - request.getBeginNanoTime();
    String kind = kind(request.getMethod(), request.getHttpURI().getPath());
    int status = response.getStatus();
    String cached = response.getHeaders().contains("X-Cache", "HIT") ? "hit" : "miss";
    timers
        .computeIfAbsent(
            kind + ' ' + status + ' ' + cached,
            name ->
                Timer.builder("broadsheet_http_requests")
                    .description("Requests answered, by kind of page, status and cache")
                    .tag("kind", kind)
                    .tag("status", Integer.toString(status))
                    .tag("cache", cached)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  static String kind(String method, String path) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return path.endsWith("/comments") ? "comment_post" : "other_post";
    }
    if (path.equals("/")) {
      return "front";
    }
    if (path.endsWith(".atom") || path.endsWith(".xml") || path.endsWith(".json")) {
      return path.contains("sitemap") ? "sitemap" : "feed";
    }
    int second = path.indexOf('/', 1);
    String first = second < 0 ? path.substring(1) : path.substring(1, second);
    return switch (first) {
      case "articles" -> "article";
      case "section", "tag", "author" -> "listing";
      case "media" -> "picture";
      case "assets" -> "asset";
      case "healthz" -> "health";
      case "metrics" -> "metrics";
      case "comments" -> "comment";
      default -> "other";
    };
  }
}
