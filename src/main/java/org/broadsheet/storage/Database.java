package org.broadsheet.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * One database, SQLite or PostgreSQL, behind a connection pool, migrated by Flyway on open.
 *
 * <p>The transaction convention (docs/architecture.md): services open transactions with {@link
 * #inTransaction} (writes, and reads that must agree with them) or {@link #read} (reads), and pass
 * the {@link Transaction} to every store method they call; stores never open their own. A service
 * that must join its caller's transaction takes the caller's {@code Transaction} as a parameter.
 */
public final class Database implements AutoCloseable {
  private final Engine engine;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final ChangeLog changes;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final boolean created;

  /**
   * The version of the newest migration in src/main/resources/db/migration ({@code
   * DatabaseSchemaTest} checks they agree). A database already at it is opened without starting
   * Flyway, whose scan of the migrations is most of the time a start spends on the database.
   */
  static final String SCHEMA_VERSION = "18";

  private Database(
      Engine engine,
      HikariDataSource dataSource,
      ChangeSignal signal,
      String jdbcUrl,
      String user,
      String password,
      boolean created) {
    this.created = created;
    this.engine = engine;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.changes = new ChangeLog(this, signal);
  }

  /** The default embedded database: one SQLite file in the data folder. */
  public static String sqliteUrl(Path dataFolder) {
    return "jdbc:sqlite:" + dataFolder.toAbsolutePath().resolve("broadsheet.db");
  }

  /** A database whose changes only this process hears of at once (tests of stores). */
  public static Database open(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, ChangeSignal.local());
  }

  public static Database open(String jdbcUrl, String user, String password, ChangeSignal signal) {
    Engine engine = Engine.of(jdbcUrl);
    // Configured in place and started by its first connection: built from a separate HikariConfig,
    // the pool copies every field of it by reflection, about 40 ms of every start.
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl);
    dataSource.setPoolName("broadsheet");
    if (user != null) {
      dataSource.setUsername(user);
    }
    if (password != null) {
      dataSource.setPassword(password);
    }
    if (engine == Engine.SQLITE) {
      createParentFolder(jdbcUrl);
      // WAL lets readers go on while one writer commits; the busy timeout makes a second
      // writer (the CLI beside a running site) wait its turn instead of failing.
      dataSource.addDataSourceProperty("journal_mode", "WAL");
      dataSource.addDataSourceProperty("synchronous", "NORMAL");
      dataSource.addDataSourceProperty("busy_timeout", "10000");
      dataSource.addDataSourceProperty("foreign_keys", "true");
      dataSource.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      dataSource.setMaximumPoolSize(8);
    } else {
      dataSource.setMaximumPoolSize(16);
    }
    boolean created;
    try {
      started(dataSource);
      created = !atSchemaVersion(dataSource) && migrate(engine, dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(engine, dataSource, signal, jdbcUrl, user, password, created);
  }

  /**
   * Starts the pool with its first connection. A database that cannot be reached fails the start
   * here, once and with HikariCP's own message, as when the pool was built from its configuration
   * (the schema check that follows reads a failure as "no schema yet").
   */
  private static void started(HikariDataSource dataSource) {
    try (Connection first = dataSource.getConnection()) {
      // Only the pool's start was wanted.
    } catch (SQLException e) {
      throw new com.zaxxer.hikari.pool.HikariPool.PoolInitializationException(e);
    }
  }

  /** Whether opening this database created its schema, that is a new site. */
  public boolean created() {
    return created;
  }

  /** Whether the newest migration applied is {@link #SCHEMA_VERSION}, and applied successfully. */
  private static boolean atSchemaVersion(HikariDataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "SELECT version, success FROM flyway_schema_history"
                    + " ORDER BY installed_rank DESC LIMIT 1");
        ResultSet newest = statement.executeQuery()) {
      return newest.next() && SCHEMA_VERSION.equals(newest.getString(1)) && newest.getBoolean(2);
    } catch (SQLException e) {
      // No history yet (a new database), or one that cannot be read: Flyway decides.
      return false;
    }
  }

  /**
   * Whether the database holds a Broadsheet site, that is whether Flyway has migrated it, found
   * without creating anything: a missing SQLite file is not created, and an empty PostgreSQL
   * database is left as it is.
   */
  public static boolean holdsSite(String jdbcUrl, String user, String password) {
    Engine engine = Engine.of(jdbcUrl);
    if (engine == Engine.SQLITE) {
      Path file = sqliteFile(jdbcUrl);
      try {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        ResultSet tables =
            connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
      return tables.next();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot open the database " + withoutParameters(jdbcUrl) + ": " + e.getMessage(), e);
    }
  }

  /**
   * What SQLite's integrity check finds wrong with a database file, or empty when it passes. Used
   * on a restored copy before it is put in place.
   */
  public static Optional<String> sqliteIntegrityProblem(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.of("no database file");
    }
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        ResultSet result = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
      String verdict = result.next() ? result.getString(1) : "no answer";
      return "ok".equals(verdict) ? Optional.empty() : Optional.of(verdict);
    } catch (SQLException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** A JDBC URL without its parameters, which may carry a password, for messages. */
  public static String withoutParameters(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query >= 0 ? jdbcUrl.substring(0, query) : jdbcUrl;
  }

  private static Path sqliteFile(String jdbcUrl) {
    return Path.of(withoutParameters(jdbcUrl).substring("jdbc:sqlite:".length())).toAbsolutePath();
  }

  private static void createParentFolder(String jdbcUrl) {
    Path parent = sqliteFile(jdbcUrl).getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the data folder " + parent + ": " + e, e);
    }
  }

  /** Brings the schema up to date; true when there was none before. */
  private static boolean migrate(Engine engine, HikariDataSource dataSource) {
    Map<String, String> placeholders =
        switch (engine) {
          case SQLITE ->
              Map.of("id", "INTEGER PRIMARY KEY AUTOINCREMENT", "text", "TEXT", "bytes", "BLOB");
          case POSTGRESQL ->
              Map.of(
                  "id",
                  "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                  "text",
                  "TEXT",
                  "bytes",
                  "BYTEA");
        };
    return Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(placeholders)
            .load()
            .migrate()
            .initialSchemaVersion
        == null;
  }

  /**
   * Writes a consistent copy of the whole database to a new file while the site goes on serving and
   * writing. SQLite: VACUUM INTO, which reads one snapshot in a single read transaction, so writers
   * are never blocked and the copy never restarts. PostgreSQL: pg_dump in its custom format (one
   * snapshot too), which must be on the PATH.
   */
  public void copyTo(Path file) {
    switch (engine) {
      case SQLITE -> withHandle(h -> h.execute("VACUUM INTO ?", file.toAbsolutePath().toString()));
      case POSTGRESQL -> PgDump.run(jdbcUrl, user, password, file);
    }
  }

  public Engine engine() {
    return engine;
  }

  /** The committed changes of this database, for writers to record and a site to follow. */
  public ChangeLog changes() {
    return changes;
  }

  /** A connection outside the pool, for a listener that holds it for as long as the site runs. */
  Connection dedicatedConnection() throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** Runs work in one transaction: it commits when the work returns, rolls back when it throws. */
  public <R> R inTransaction(Function<Transaction, R> work) {
    return jdbi.inTransaction(h -> work.apply(new Transaction(h, changes)));
  }

  public void useTransaction(Consumer<Transaction> work) {
    jdbi.useTransaction(h -> work.accept(new Transaction(h, changes)));
  }

  /** Runs reads on one connection; each statement sees what was committed when it ran. */
  public <R> R read(Function<Transaction, R> work) {
    return jdbi.withHandle(h -> work.apply(new Transaction(h, changes)));
  }

  <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
    return jdbi.withHandle(callback);
  }

  @Override
  public void close() {
    changes.close();
    dataSource.close();
  }

  /** Reports the connection pool: connections active, idle and in all, and threads waiting. */
  public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    var pool = dataSource.getHikariPoolMXBean();
    io.micrometer.core.instrument.Gauge.builder(
            "broadsheet_db_connections_active", pool, p -> p.getActiveConnections())
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "broadsheet_db_connections_idle", pool, p -> p.getIdleConnections())
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "broadsheet_db_connections", pool, p -> p.getTotalConnections())
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "broadsheet_db_connections_pending", pool, p -> p.getThreadsAwaitingConnection())
        .description("Threads waiting for a database connection")
        .register(registry);
  }
}
