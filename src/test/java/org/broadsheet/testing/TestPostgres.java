package org.broadsheet.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests: Debian's server binaries (package postgresql, which .ci/run
 * installs) started once per test run in a throwaway cluster, with a fresh database per caller. As
 * root the server runs as the postgres user, since PostgreSQL refuses to run as root.
 */
public final class TestPostgres {
  private static final AtomicInteger databases = new AtomicInteger();
  private static TestPostgres instance;

  private final int port;

  private TestPostgres(int port) {
    this.port = port;
  }

  /** A JDBC URL of a new, empty database on the shared test server. */
  public static synchronized String newDatabaseUrl() {
    if (instance == null) {
      instance = start();
    }
    String name = "broadsheet_test_" + databases.incrementAndGet();
    try (Connection connection =
        DriverManager.getConnection(instance.url("postgres"), "postgres", "")) {
      connection.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return instance.url(name) + "&user=postgres";
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable";
  }

  private static TestPostgres start() {
    Path bin = serverBinaries();
    try {
      Path folder = Files.createTempDirectory("broadsheet-pg");
      Path data = folder.resolve("data");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        run(List.of("chown", "postgres", folder.toString()));
      }
      int port = freePort();
      run(
          asServerUser(
              root,
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              "postgres",
              "--auth=trust",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"));
      run(
          asServerUser(
              root,
              bin.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              folder.resolve("server.log").toString(),
              "-w",
              "-t",
              "60",
              "-o",
              "-p "
                  + port
                  + " -k "
                  + folder
                  + " -c listen_addresses=127.0.0.1 -c fsync=off"
                  + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
              "start"));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      run(
                          asServerUser(
                              root,
                              bin.resolve("pg_ctl").toString(),
                              "-D",
                              data.toString(),
                              "-m",
                              "immediate",
                              "-w",
                              "stop"));
                      deleteTree(folder);
                    } catch (RuntimeException | IOException e) {
                      System.err.println("Could not stop the test PostgreSQL: " + e);
                    }
                  }));
      return new TestPostgres(port);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start a test PostgreSQL", e);
    }
  }

  private static Path serverBinaries() {
    Path versions = Path.of("/usr/lib/postgresql");
    try (Stream<Path> list = Files.isDirectory(versions) ? Files.list(versions) : Stream.empty()) {
      return list.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(
              Comparator.comparing(
                  b ->
                      Integer.parseInt(
                          b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "Tests need PostgreSQL's server binaries: apt-get install postgresql (.ci/run does this)"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> asServerUser(boolean root, String... command) {
    List<String> full = new ArrayList<>();
    if (root) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    return full;
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + command.getFirst(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
