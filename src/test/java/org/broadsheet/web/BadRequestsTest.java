package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Requests a browser would not send are answered plainly and change nothing. */
class BadRequestsTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.open(Engine.SQLITE).withDemo().serve();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void aMalformedMultipartPostIsA400PageWithOneLogLine() {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logged.start();
    root.addAppender(logged);
    try {
      int before = comments();
      HttpResponse<String> response =
          site.send(
              HttpRequest.newBuilder(URI.create(site.url(ARTICLE + "/comments")))
                  .header("Origin", site.url(""))
                  .header("Content-Type", "multipart/form-data; boundary=XYZ")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "--XYZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nbob\r\n--XY"))
                  .build());
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("Request not understood").doesNotContain("Exception");
      assertThat(comments()).isEqualTo(before);
      List<ILoggingEvent> events;
      synchronized (logged) {
        events = List.copyOf(logged.list);
      }
      assertThat(
              events.stream()
                  .filter(event -> !event.getLoggerName().equals("access"))
                  .filter(
                      event ->
                          event.getThrowableProxy() != null
                              || event
                                  .getLevel()
                                  .isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)))
          .hasSizeLessThanOrEqualTo(1)
          .allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
    } finally {
      root.detachAppender(logged);
    }
  }

  private static int comments() {
    return site.application().comments().recentApproved(null, 10_000).size()
        + site.application().moderation().list(null, null, 10_000).size();
  }

  @Test
  void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(commentPostHead(50_000_000, ""));
      out.write("name=x".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Nothing more is sent: the answer must come without the 50 MB.
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(statusLine).isEqualTo("HTTP/1.1 413");
    }
  }

  @Test
  void aClientStillSendingABodyOverTheLimitReceivesTheRefusal() throws IOException {
    byte[] body = new byte[24 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'x');
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(commentPostHead(body.length, "Connection: close\r\n"));
      // Closed on while sending, a client gets a reset and never sees the page saying why.
      out.write(body);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413").contains("Too much to send");
    }
  }

  private static byte[] commentPostHead(long contentLength, String moreHeaders) {
    return ("POST "
            + ARTICLE
            + "/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + moreHeaders
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: "
            + contentLength
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aMethodAPageDoesNotTakeIs405WithAllow() {
    HttpResponse<String> response =
        site.send(HttpRequest.newBuilder(URI.create(site.url(ARTICLE))).DELETE().build());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    assertThat(response.body()).contains("<h1");
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    String css = site.get("/").body().replaceAll("(?s).*(/assets/site\\.[0-9a-f]+\\.css).*", "$1");
    String picture =
        site.get(ARTICLE).body().replaceAll("(?s).*?(/media/[a-z0-9-]+\\.[a-z]+).*", "$1");
    for (String path : new String[] {css, picture}) {
      HttpResponse<String> get = site.get(path);
      HttpResponse<String> head =
          site.send(
              HttpRequest.newBuilder(URI.create(site.url(path)))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(head.statusCode()).as(path).isEqualTo(200);
      assertThat(head.headers().firstValue("content-type"))
          .isEqualTo(get.headers().firstValue("content-type"));
      assertThat(head.headers().firstValue("content-length"))
          .isEqualTo(get.headers().firstValue("content-length"));
      assertThat(head.headers().firstValue("cache-control"))
          .hasValue("public, max-age=31536000, immutable");
      assertThat(head.body()).isEmpty();
    }
    for (String missing : new String[] {"/media/no-such-picture.jpg", "/assets/site.0000.css"}) {
      HttpResponse<String> head =
          site.send(
              HttpRequest.newBuilder(URI.create(site.url(missing)))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(head.statusCode()).as(missing).isEqualTo(404);
    }
  }

  @Test
  void anUnsubscribeLinkNotRecognisedHasItsOwnPage() {
    HttpResponse<String> response = site.get("/comments/unsubscribe?token=bad");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Link not recognised").doesNotContain("Page not found");
  }

  private static int port() {
    return URI.create(site.url("/")).getPort();
  }
}
