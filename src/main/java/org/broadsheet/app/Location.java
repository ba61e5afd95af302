package org.broadsheet.app;

import java.nio.file.Path;
import java.util.Map;
import org.broadsheet.storage.Database;

/**
 * Where a site keeps its data: the data folder (pictures, the SQLite file) and the database, from
 * flags first, then BROADSHEET_DATA and BROADSHEET_DATABASE_URL, then the defaults.
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
}
