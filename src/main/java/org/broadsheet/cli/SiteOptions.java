package org.broadsheet.cli;

import java.nio.file.Path;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import picocli.CommandLine.Option;

/** The options every command takes to find its site's data. */
final class SiteOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data folder (pictures and the SQLite database). Default: $BROADSHEET_DATA, else ./data.")
  Path data;

  @Option(
      names = "--database-url",
      paramLabel = "JDBC_URL",
      description =
          "Database to use instead of the SQLite file, e.g. jdbc:postgresql://localhost/broadsheet. Default: $BROADSHEET_DATABASE_URL.")
  String databaseUrl;

  Application open() {
    return Application.open(Location.resolve(data, databaseUrl, System.getenv()));
  }
}
