package org.broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database already at the newest migration is opened without Flyway, so the version that check
 * compares with must be the newest migration's, and a database behind it must still be migrated.
 */
class DatabaseSchemaTest {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:_\\d+)*)__.*\\.sql");

  @Test
  void aDatabaseThatCannotBeReachedFailsTheOpeningOnceWithThePoolsOwnMessage() {
    long started = System.nanoTime();
    // Nothing listens on port 1: the connection is refused at once.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Database.open("jdbc:postgresql://127.0.0.1:1/broadsheet", "nobody", "none"))
        .isInstanceOf(com.zaxxer.hikari.pool.HikariPool.PoolInitializationException.class)
        .hasMessageContaining("Failed to initialize pool")
        .hasMessageContaining("Connection to 127.0.0.1:1 refused");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(java.time.Duration.ofSeconds(20));
  }

  @Test
  void schemaVersionIsTheNewestMigrations() throws IOException, URISyntaxException {
    List<String> versions = versions();
    assertThat(Database.SCHEMA_VERSION).isEqualTo(versions.getLast());
  }

  @Test
  void aNewDatabaseIsCreatedOnceAndThenOpenedAsItIs(@TempDir Path folder) {
    String url = Database.sqliteUrl(folder);
    try (Database database = Database.open(url, null, null)) {
      assertThat(database.created()).isTrue();
    }
    try (Database database = Database.open(url, null, null)) {
      assertThat(database.created()).isFalse();
    }
  }

  @Test
  void aDatabaseBehindTheNewestMigrationIsMigrated(@TempDir Path folder) throws Exception {
    List<String> versions = versions();
    String url = Database.sqliteUrl(folder);
    Files.createDirectories(folder);
    // A site made by the release before the newest migration.
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .placeholders(
            Map.of("id", "INTEGER PRIMARY KEY AUTOINCREMENT", "text", "TEXT", "bytes", "BLOB"))
        .target(versions.get(versions.size() - 2))
        .load()
        .migrate();
    try (Database database = Database.open(url, null, null)) {
      assertThat(database.created()).isFalse();
      String newest =
          database.withHandle(
              handle ->
                  handle
                      .createQuery(
                          "SELECT version FROM flyway_schema_history"
                              + " ORDER BY installed_rank DESC LIMIT 1")
                      .mapTo(String.class)
                      .one());
      assertThat(newest).isEqualTo(Database.SCHEMA_VERSION);
    }
  }

  /** The versions of the migrations, oldest first. */
  private static List<String> versions() throws IOException, URISyntaxException {
    Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(migrations)) {
      return files
          .map(file -> VERSIONED.matcher(file.getFileName().toString()))
          .filter(Matcher::matches)
          .map(match -> match.group(1).replace('_', '.'))
          .sorted(DatabaseSchemaTest::compareVersions)
          .toList();
    }
  }

  private static int compareVersions(String left, String right) {
    String[] a = left.split("\\.");
    String[] b = right.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? Integer.parseInt(a[i]) : 0;
      int y = i < b.length ? Integer.parseInt(b[i]) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }
}
