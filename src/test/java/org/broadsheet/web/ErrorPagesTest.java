package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorPagesTest {
  @Test
  void anUnexpectedErrorShowsAFriendlyPageWithARequestIdAndNoStackTrace() throws Exception {
    Layout layout =
        new Layout(
            "Test Gazette", "Tests", "en", "http://localhost", List.of(), "/assets/site.css");
    WebServer server =
        new WebServer(
            new Templates(),
            new Assets("site.css"),
            () -> layout,
            List.of(
                routes ->
                    routes.get(
                        "/boom",
                        ctx -> {
                          throw new IllegalStateException("secret internal detail");
                        })));
    server.start("127.0.0.1", 0);
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/boom"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("Something went wrong", "Test Gazette");
      String requestId = response.headers().firstValue("x-request-id").orElseThrow();
      assertThat(response.body()).contains(requestId);
      assertThat(response.body())
          .doesNotContain("secret internal detail", "IllegalStateException", "at org.");
    } finally {
      server.stop();
    }
  }
}
