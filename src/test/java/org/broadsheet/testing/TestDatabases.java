package org.broadsheet.testing;

import java.io.IOException;
import java.nio.file.Files;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;

/** A fresh, migrated database of either engine, for store tests. */
public final class TestDatabases {
  private TestDatabases() {}

  public static Database fresh(Engine engine) {
    try {
      String url =
          switch (engine) {
            case SQLITE -> Database.sqliteUrl(Files.createTempDirectory("broadsheet-store"));
            case POSTGRESQL -> TestPostgres.newDatabaseUrl();
          };
      return Database.open(url, null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
