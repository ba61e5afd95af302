package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What an operator can see from outside: /metrics, the access log, comment decisions. */
class ObservabilityTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";
  // One sample line of the Prometheus text format: name, optional labels, value.
  private static final Pattern SAMPLE =
      Pattern.compile(
          "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? -?[0-9.eE+-]+|.* (NaN|\\+Inf|-Inf)");

  @Test
  void metricsAreServedAsPrometheusTextToAllowedAddressesOnly() {
    try (TestSite site =
        TestSite.open(Engine.SQLITE, Map.of("BROADSHEET_COMMENTS_MIN_FILL_SECONDS", "0"))
            .withDemo()
            .serve()) {
      site.get(ARTICLE);
      site.get(ARTICLE);
      site.get("/no-such-page");
      new Reader(site)
          .comment(
              ARTICLE,
              Map.of("name", "Metric Reader", "email", "m@example.org", "comment", "Counted."));
      HttpResponse<String> scrape = site.get("/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("content-type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      for (String line : scrape.body().split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          assertThat(line).as("Prometheus sample").matches(SAMPLE);
        }
      }
      assertThat(scrape.body())
          .contains(
              "broadsheet_http_requests_seconds_count{cache=\"hit\",kind=\"article\",status=\"200\"}")
          .contains("status=\"404\"")
          .contains("broadsheet_http_requests_seconds_bucket")
          .contains("cache_gets_total{cache=\"pages\"")
          .contains("cache_evictions_total{cache=\"pages\"")
          .contains("broadsheet_page_cache_bytes")
          .contains("cache_size{cache=\"pages\"")
          .contains("broadsheet_renders_in_flight")
          .contains("broadsheet_renders_queued")
          .contains("broadsheet_renders_shed_total")
          .contains("broadsheet_comments_total{outcome=\"held\"")
          .contains("broadsheet_db_connections_active");

      site.application().settings().set("metrics.allowed", "10.0.0.0/8");
      assertThat(site.get("/metrics").statusCode()).isEqualTo(403);
      site.application().settings().set("metrics.allowed", "127.0.0.1");
      assertThat(site.get("/metrics", "X-Forwarded-For", "127.0.0.1").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void everyRequestIsLoggedOnceWithoutQueryValuesOrEmails() throws InterruptedException {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logged.start();
    root.addAppender(logged);
    try (TestSite site =
        TestSite.open(
                Engine.SQLITE,
                Map.of(
                    "BROADSHEET_COMMENTS_MIN_FILL_SECONDS",
                    "0",
                    "BROADSHEET_WEB_TRUSTED_PROXIES",
                    "127.0.0.1"))
            .withDemo()
            .serve()) {
      site.get(ARTICLE);
      site.get(ARTICLE + "?utm_source=secret-campaign", "X-Forwarded-For", "198.51.100.23");
      new Reader(site)
          .comment(
              ARTICLE,
              Map.of(
                  "name", "Logged Reader", "email", "private@example.org", "comment", "Logged."));
      // Jetty writes a request's line once the answer is complete, a moment after the client has
      // read it.
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (System.nanoTime() < deadline
          && lines(logged).stream().noneMatch(line -> line.contains("method=POST"))) {
        Thread.sleep(20);
      }
      List<String> access = accessLines(logged);
      assertThat(access)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains(
                          "client=198.51.100.23",
                          "method=GET",
                          "path=" + ARTICLE + "?utm_source=",
                          "status=200",
                          "cache=hit",
                          "bytes=",
                          "ms="))
          .anySatisfy(line -> assertThat(line).contains("method=POST", "status=303"))
          .noneSatisfy(line -> assertThat(line).contains("secret-campaign"));
      List<String> everything = lines(logged);
      assertThat(everything).noneSatisfy(line -> assertThat(line).contains("private@example.org"));
      assertThat(everything).anySatisfy(line -> assertThat(line).contains("held"));

      site.application().settings().set("web.access_log", "false");
      int before = access.size();
      site.get(ARTICLE);
      assertThat(accessLines(logged)).hasSize(before);
    } finally {
      root.detachAppender(logged);
    }
  }

  /** The access log's lines so far, copied under the appender's lock as {@link #lines} is. */
  private static List<String> accessLines(ListAppender<ILoggingEvent> logged) {
    synchronized (logged) {
      return logged.list.stream()
          .filter(e -> e.getLoggerName().equals("access"))
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  /** What was logged so far; appenders add under their own lock, so the copy is taken under it. */
  private static List<String> lines(ListAppender<ILoggingEvent> logged) {
    synchronized (logged) {
      return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }
}
