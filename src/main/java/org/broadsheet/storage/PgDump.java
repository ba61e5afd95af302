package org.broadsheet.storage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** PostgreSQL's own pg_dump, run for a backup: custom format, one consistent snapshot. */
final class PgDump {
  private PgDump() {}

  static void run(String jdbcUrl, String user, String password, Path file) {
    Path pgDump =
        onPath("pg_dump")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "pg_dump is not on the PATH; install the PostgreSQL client tools of the"
                            + " server's version (apt install postgresql-client), or back up with"
                            + " pg_dump yourself as docs/backup.md describes"));
    // libpq takes the same URL without "jdbc:"; the password goes through the environment so
    // that it never shows in the list of processes.
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    pgDump.toString(),
                    "--format=custom",
                    "--no-owner",
                    "--file=" + file.toAbsolutePath(),
                    "--dbname=" + jdbcUrl.substring("jdbc:".length())))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    if (user != null) {
      builder.environment().put("PGUSER", user);
    }
    if (password != null) {
      builder.environment().put("PGPASSWORD", password);
    }
    try {
      Process process = builder.start();
      String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(
            "pg_dump failed: " + errors.strip().lines().findFirst().orElse("no message"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run pg_dump: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while pg_dump ran", e);
    }
  }

  static Optional<Path> onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!folder.isEmpty()) {
        Path candidate = Path.of(folder, program);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
