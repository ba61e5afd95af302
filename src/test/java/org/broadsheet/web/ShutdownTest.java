package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;

/**
 * Stopping (what SIGTERM does) answers every request that was fully sent before the stop began,
 * loses no acknowledged comment, and is quick when nothing is in flight.
 */
class ShutdownTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";

  /** One request written in full, and what came back. */
  private record Sent(String email, long sentAtNanos, String statusLine) {}

  @Test
  void everyRequestSentBeforeTheStopIsAnsweredAndEveryAcknowledgedCommentKept() throws Exception {
    TestSite site =
        TestSite.open(
                Engine.SQLITE,
                Map.of(
                    "BROADSHEET_COMMENTS_MIN_FILL_SECONDS", "0",
                    "BROADSHEET_COMMENTS_RATE_PER_IP_PER_HOUR", "100000",
                    "BROADSHEET_COMMENTS_RATE_PER_EMAIL_PER_HOUR", "100000",
                    "BROADSHEET_COMMENTS_MODERATION", "none",
                    "BROADSHEET_WEB_ACCESS_LOG", "false"))
            .withDemo()
            .serve();
    Path data = site.dataFolder();
    int port = URI.create(site.url("/")).getPort();
    Map<String, String> hidden = new LinkedHashMap<>();
    new Reader(site)
        .page(ARTICLE)
        .select("form.comment-form input[type=hidden]")
        .forEach(input -> hidden.put(input.attr("name"), input.attr("value")));

    AtomicBoolean stopping = new AtomicBoolean();
    ConcurrentLinkedQueue<Sent> results = new ConcurrentLinkedQueue<>();
    List<Thread> posters = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int poster = t;
      posters.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; !stopping.get() && i < 10_000; i++) {
                      String email = "stop-" + poster + "-" + i + "@example.org";
                      results.add(post(port, hidden, email));
                    }
                  }));
    }
    // Enough posts under way, however slow the machine, before the stop.
    long busyBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (results.size() < 40 && System.nanoTime() < busyBy) {
      Thread.sleep(20);
    }
    stopping.set(true);
    long stopAt = System.nanoTime();
    site.application().close();
    for (Thread poster : posters) {
      poster.join(Duration.ofSeconds(20));
    }

    List<Sent> sentBeforeStop =
        results.stream()
            .filter(sent -> sent.sentAtNanos() > 0 && sent.sentAtNanos() < stopAt)
            .toList();
    assertThat(sentBeforeStop).hasSizeGreaterThan(20);
    assertThat(sentBeforeStop)
        .as("requests fully sent before the stop")
        .allSatisfy(sent -> assertThat(sent.statusLine()).startsWith("HTTP/1.1 "));
    List<String> acknowledged =
        results.stream()
            .filter(
                sent -> sent.statusLine() != null && sent.statusLine().startsWith("HTTP/1.1 303"))
            .map(Sent::email)
            .toList();

    try (Application reopened = Application.open(Location.resolve(data, null, Map.of()))) {
      List<String> stored =
          reopened.comments().recentApproved(null, 100_000).stream()
              .map(comment -> comment.authorEmail())
              .toList();
      assertThat(stored).containsAll(acknowledged);
    }
  }

  /** Writes one whole comment post, then reads the status line (null when none came). */
  private static Sent post(int port, Map<String, String> hidden, String email) {
    Map<String, String> form = new LinkedHashMap<>(hidden);
    form.put("name", "Stopping Reader");
    form.put("email", email);
    form.put("comment", "Sent before the stop: " + email);
    String body = Reader.formBody(form);
    byte[] request =
        ("POST "
                + ARTICLE
                + "/comments HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nOrigin: http://127.0.0.1:"
                + port
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.UTF_8);
    long sentAt = 0;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      sentAt = System.nanoTime();
      InputStream in = socket.getInputStream();
      byte[] status = in.readNBytes(12);
      return new Sent(
          email,
          sentAt,
          status.length == 12 ? new String(status, StandardCharsets.US_ASCII) : null);
    } catch (IOException e) {
      return new Sent(email, sentAt, null);
    }
  }

  @Test
  void stoppingWithNothingInFlightTakesUnderASecond() {
    TestSite site = TestSite.open(Engine.SQLITE).serve();
    site.get("/");
    // The site's stop alone: removing the test's data folder afterwards is no part of it.
    long start = System.nanoTime();
    site.application().close();
    Duration stop = Duration.ofNanos(System.nanoTime() - start);
    site.close();
    assertThat(stop).isLessThan(Duration.ofSeconds(1));
  }
}
