package org.broadsheet.cli;

import java.nio.file.Path;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.storage.Engine;
import picocli.CommandLine.Option;

/** The options every command takes to find its site's data. */
final class SiteOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data folder (the SQLite database). Default: $BROADSHEET_DATA, else ./data.")
  Path data;

  @Option(
      names = "--database-url",
      paramLabel = "JDBC_URL",
      description =
          "Database to use instead of the SQLite file, e.g. jdbc:postgresql://localhost/broadsheet. Default: $BROADSHEET_DATABASE_URL.")
  String databaseUrl;

  Location location() {
    return Location.resolve(data, databaseUrl, System.getenv());
  }

  /**
   * Opens the site these options point at; refuses, creating nothing, when there is none there, so
   * that a command run from the wrong folder never starts an empty site beside the real one.
   */
  Application open() {
    Location location = location();
    if (!location.holdsSite()) {
      throw new Refusal(noSite(location));
    }
    return Application.open(location);
  }

  /** Opens the site, creating it first when there is none (serve and init). */
  Application openOrCreate() {
    return Application.open(location());
  }

  static String noSite(Location location) {
    if (location.engine() == Engine.POSTGRESQL) {
      return "the database "
          + location.databaseShown()
          + " holds no Broadsheet site; point at yours with --database-url URL or"
          + " BROADSHEET_DATABASE_URL, or create one there with: ./broadsheet init --database-url"
          + " URL";
    }
    return "no site in "
        + location.dataFolder()
        + " (no broadsheet.db there); point at yours with --data DIR or BROADSHEET_DATA, or create"
        + " one with: ./broadsheet init --data DIR";
  }
}
