package org.broadsheet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs a start of the site on a throwaway demo edition: serves each kind of page to itself, lists
 * settings and comments, then stops. The launcher runs it after each build under JDK 25's
 * `-XX:AOTCacheOutput`, so the JVM records the classes a real start loads into an ahead-of-time
 * cache, which later starts use. The demo edition is installed beforehand by a run of its own
 * ({@code --prepare}): every class recorded is loaded again at every start, so the recording holds
 * what serving needs and not what installing the demo needed.
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

  @Parameters(index = "0", paramLabel = "DIR", description = "A throwaway data folder.")
  Path data;

  @Option(names = "--prepare", description = "Only install the demo edition in DIR.")
  boolean prepare;

  @Override
  public void run() {
    try (Application site = Application.open(Location.resolve(data, null, Map.of()))) {
      if (prepare) {
        site.installDemo();
        return;
      }
      site.settings().list();
      site.moderation().list(null, null, 10);
      int port = site.serve("127.0.0.1", 0).port();
      for (int round = 0; round < 3; round++) {
        for (String path : PAGES) {
          for (String encoding : List.of("identity", "gzip", "br")) {
            fetch(URI.create("http://127.0.0.1:" + port + path), encoding);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a page as a browser would, through the JDK's plain URL connection: the client a real
   * start never uses should leave as few classes in the recording as it can.
   */
  private static void fetch(URI page, String encoding) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) page.toURL().openConnection();
    connection.setRequestProperty("Accept-Encoding", encoding);
    try (InputStream body =
        connection.getResponseCode() < 400
            ? connection.getInputStream()
            : connection.getErrorStream()) {
      if (body != null) {
        body.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
  }
}
