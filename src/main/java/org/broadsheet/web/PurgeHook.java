package org.broadsheet.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a CDN in front which pages changed: POSTs {"paths": [...], "all": false} (or "all": true)
 * as JSON to cache.purge_url, in the background.
 */
final class PurgeHook {
  private static final Logger log = LoggerFactory.getLogger(PurgeHook.class);

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Supplier<CachePolicy> policy;

  /**
   * Made at the first purge, not at start: a client loads the JDK's trust store, about 100 ms
   * before the first page on a site that has no CDN to tell.
   */
  private static final class Client {
    static final HttpClient HTTP =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  PurgeHook(Supplier<CachePolicy> policy) {
    this.policy = policy;
  }

  void purge(List<String> paths, boolean all) {
    String url = policy.get().purgeUrl();
    if (url == null || url.isBlank() || (paths.isEmpty() && !all)) {
      return;
    }
    String json;
    try {
      json = JSON.writeValueAsString(java.util.Map.of("all", all, "paths", paths));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    Client.HTTP
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                log.warn("Could not tell the CDN at {} to purge: {}", url, failure.toString());
              } else if (response.statusCode() >= 300) {
                log.warn("The CDN at {} answered {} to a purge", url, response.statusCode());
              }
            });
  }
}
