package org.broadsheet.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import picocli.CommandLine.Command;

/**
 * Runs the site once on a throwaway demo edition: serves each kind of page to itself, lists
 * settings and comments, then stops. The launcher runs it after each build under JDK 25's
 * `-XX:AOTCacheOutput`, so the JVM records the classes a real run loads into an ahead-of-time
 * cache, which later starts use.
 */
@Command(
    name = "train",
    hidden = true,
    description = "Exercise a throwaway site once, for the JVM's ahead-of-time cache.")
final class TrainCommand implements Runnable {
  private static final List<String> PAGES =
      List.of(
          "/",
          "/articles/lower-quay-evacuation-agreement",
          "/section/world",
          "/tag/kestrelmouth",
          "/comments.atom",
          "/feed.xml",
          "/sitemap.xml",
          "/no-such-page",
          "/healthz");

  @Override
  public void run() {
    Path data;
    try {
      data = Files.createTempDirectory("broadsheet-train");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (Application site = Application.open(Location.resolve(data, null, Map.of()))) {
      site.installDemo();
      site.settings().list();
      site.moderation().list(null, null, 10);
      int port = site.serve("127.0.0.1", 0).port();
      HttpClient http = HttpClient.newHttpClient();
      for (int round = 0; round < 3; round++) {
        for (String path : PAGES) {
          for (String encoding : List.of("identity", "gzip", "br")) {
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept-Encoding", encoding)
                    .build(),
                HttpResponse.BodyHandlers.discarding());
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // A temporary folder left behind is harmless.
      }
    }
  }
}
