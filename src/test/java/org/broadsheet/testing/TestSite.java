package org.broadsheet.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.storage.Engine;

/**
 * A real Broadsheet site for a test: its own data folder, SQLite or a fresh PostgreSQL database,
 * served on a free port and spoken to over HTTP.
 */
public final class TestSite implements AutoCloseable {
  private final Path dataFolder;
  private final Application application;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private int port;

  private TestSite(Path dataFolder, Application application) {
    this.dataFolder = dataFolder;
    this.application = application;
  }

  public static TestSite open(Engine engine) {
    return open(engine, Map.of());
  }

  /** A site that is not yet serving; call {@link #serve()}. */
  public static TestSite open(Engine engine, Map<String, String> environment) {
    try {
      Path data = Files.createTempDirectory("broadsheet-test");
      Map<String, String> env = new HashMap<>(environment);
      String url = engine == Engine.POSTGRESQL ? TestPostgres.newDatabaseUrl() : null;
      return new TestSite(data, Application.open(Location.resolve(data, url, env)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A site whose clock the test moves; not yet serving. */
  public static TestSite open(Engine engine, java.time.Clock clock) {
    try {
      Path data = Files.createTempDirectory("broadsheet-test");
      String url = engine == Engine.POSTGRESQL ? TestPostgres.newDatabaseUrl() : null;
      return new TestSite(data, Application.open(Location.resolve(data, url, Map.of()), clock));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A site on a data folder and database that already exist (a second node, or the same site
   * started again); not yet serving. Closing it deletes the data folder.
   */
  public static TestSite at(Path dataFolder, String databaseUrl) {
    return new TestSite(
        dataFolder, Application.open(Location.resolve(dataFolder, databaseUrl, Map.of())));
  }

  /** As {@link #at(Path, String)}, with a clock the test moves. */
  public static TestSite at(Path dataFolder, String databaseUrl, java.time.Clock clock) {
    return new TestSite(
        dataFolder, Application.open(Location.resolve(dataFolder, databaseUrl, Map.of()), clock));
  }

  public static TestSite serving(Engine engine) {
    return open(engine).serve();
  }

  public TestSite serve() {
    port = application.serve("127.0.0.1", 0).port();
    return this;
  }

  public TestSite withDemo() {
    application.installDemo();
    return this;
  }

  public Application application() {
    return application;
  }

  public Path dataFolder() {
    return dataFolder;
  }

  /** Options that point a command-line call at this site's data. */
  public String[] siteOptions() {
    Location location = application.location();
    return new String[] {
      "--data", location.dataFolder().toString(), "--database-url", location.databaseUrl()
    };
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(getRequest(path, headers));
  }

  public HttpResponse<String> send(HttpRequest request) {
    return Http.send(http, request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    return Http.send(http, getRequest(path, headers), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest getRequest(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return request.build();
  }

  @Override
  public void close() {
    application.close();
    try {
      TestPostgres.deleteTree(dataFolder);
    } catch (IOException e) {
      // Leftover temporary files are harmless.
    }
  }

  public static Engine[] engines() {
    return Engine.values();
  }
}
