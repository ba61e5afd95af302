package org.broadsheet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;

/**
 * Cache-miss render time of the demo article with 55 comments: 1,000 renders in process, each a
 * full render (database queries, Markdown, comment thread, template), asked over loopback HTTP with
 * a reader cookie that makes the page personal, so the page cache never answers.
 */
public final class RenderBench {
  private RenderBench() {}

  public static void main(String[] args) throws Exception {
    int renders = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(site.url("/articles/lower-quay-evacuation-agreement")))
              .header("Cookie", "bs_mine=bench")
              .build();
      for (int i = 0; i < 300; i++) {
        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      }
      long[] nanos = new long[renders];
      int bytes = 0;
      for (int i = 0; i < renders; i++) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        nanos[i] = System.nanoTime() - start;
        if (response.headers().firstValue("x-cache").isPresent()) {
          throw new IllegalStateException(
              "The page came from the cache; the benchmark needs misses");
        }
        bytes = response.body().length;
      }
      System.out.printf(
          "render (cache miss, in process, %d renders of a %,d-byte page): p50 %.2f ms, p99 %.2f ms%n",
          renders, bytes, Figures.percentile(nanos, 50), Figures.percentile(nanos, 99));
    }
  }
}
