package org.broadsheet.app;

import java.nio.file.Path;
import java.util.Map;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;

/**
 * Where a site keeps its data: the data folder (the SQLite file, the change signal) and the
 * database, from flags first, then BROADSHEET_DATA and BROADSHEET_DATABASE_URL, then the defaults.
 */
public record Location(Path dataFolder, String databaseUrl, Map<String, String> environment) {
  public static Location resolve(
      Path dataFlag, String databaseUrlFlag, Map<String, String> environment) {
    Path data =
        dataFlag != null ? dataFlag : Path.of(environment.getOrDefault("BROADSHEET_DATA", "data"));
    String url =
        databaseUrlFlag != null
            ? databaseUrlFlag
            : environment.getOrDefault("BROADSHEET_DATABASE_URL", Database.sqliteUrl(data));
    return new Location(data.toAbsolutePath().normalize(), url, environment);
  }

  public Engine engine() {
    return Engine.of(databaseUrl);
  }

  /** Whether a site is there already; creates nothing to find out. */
  public boolean holdsSite() {
    return Database.holdsSite(
        databaseUrl,
        environment.get("BROADSHEET_DATABASE_USER"),
        environment.get("BROADSHEET_DATABASE_PASSWORD"));
  }

  /** The database as it may be shown: a file, or a URL without its parameters. */
  public String databaseShown() {
    return engine() == Engine.SQLITE
        ? Database.withoutParameters(databaseUrl).substring("jdbc:sqlite:".length())
        : Database.withoutParameters(databaseUrl);
  }
}
