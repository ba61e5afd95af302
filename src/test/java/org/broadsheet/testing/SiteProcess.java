package org.broadsheet.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site node as an operator runs it: `broadsheet serve` in a JVM of its own (this test run's
 * classes), with its own data folder, on a free port of 127.0.0.1. Stopped with SIGTERM by its PID,
 * as systemd stops it, so it also stops gracefully.
 */
public final class SiteProcess implements AutoCloseable {
  private static final Pattern RUNNING =
      Pattern.compile("Broadsheet is running at http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final Path dataFolder;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private SiteProcess(Process process, Path dataFolder, Path log, int port) {
    this.process = process;
    this.dataFolder = dataFolder;
    this.log = log;
    this.port = port;
  }

  /** Starts `broadsheet serve --port 0` on this data folder and database and waits until ready. */
  public static SiteProcess serve(Path dataFolder, String databaseUrl, Map<String, String> env) {
    try {
      Files.createDirectories(dataFolder);
      Path log = dataFolder.resolveSibling(dataFolder.getFileName() + ".log");
      String classPath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-Xmx256m",
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "--enable-native-access=ALL-UNNAMED",
              "--sun-misc-unsafe-memory-access=allow",
              "-cp",
              classPath,
              "org.broadsheet.cli.Main",
              "serve",
              "--port",
              "0",
              "--host",
              "127.0.0.1",
              "--data",
              dataFolder.toString(),
              "--database-url",
              databaseUrl));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      // Should the test run end without closing it, the node goes with it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-test-node"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline) {
        Matcher running = RUNNING.matcher(Files.readString(log));
        if (running.find()) {
          return new SiteProcess(process, dataFolder, log, Integer.parseInt(running.group(1)));
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("The site did not start:\n" + Files.readString(log));
        }
        Thread.sleep(50);
      }
      process.destroyForcibly();
      throw new IllegalStateException("The site did not start in time:\n" + Files.readString(log));
    } catch (IOException e) {
      throw new IllegalStateException("Could not start a site process", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path dataFolder() {
    return dataFolder;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public HttpResponse<String> get(String path) {
    return Http.send(
        http,
        HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path) {
    return Http.send(
        http,
        HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** What the process printed and logged so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops the site with SIGTERM by its PID and waits for it to finish; returns its exit code. */
  public int stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
