package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {
  @Test
  void stoppingLetsARequestInFlightFinish() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Layout layout =
        new Layout("Test Gazette", "Tests", "en", "http://localhost", List.of(), "/a.css");
    WebServer server =
        new WebServer(
            new Templates(),
            new Assets("site.css"),
            () -> layout,
            List.of(
                routes ->
                    routes.get(
                        "/slow",
                        ctx -> {
                          started.countDown();
                          Thread.sleep(1_000);
                          ctx.result("finished");
                        })));
    server.start("127.0.0.1", 0);
    CompletableFuture<HttpResponse<String>> response =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slow"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    server.stop();

    HttpResponse<String> finished = response.get(5, TimeUnit.SECONDS);
    assertThat(finished.statusCode()).isEqualTo(200);
    assertThat(finished.body()).isEqualTo("finished");
  }
}
