package org.broadsheet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadsheet.app.Location;
import org.broadsheet.backup.RestoreOutcome;
import org.broadsheet.backup.SiteRestore;
import org.broadsheet.storage.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restores a backup into a new or empty data folder, all or nothing: every entry is checked"
          + " against the archive's manifest first, then the site is unpacked beside the folder,"
          + " checked again and moved into place. Refuses a folder that holds a site or where one"
          + " is running.",
      "Exit status: 0 when restored, 2 when refused (nothing is written)."
    })
final class RestoreCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Parameters(index = "0", paramLabel = "FILE", description = "An archive written by backup.")
  Path file;

  @Override
  public Integer call() throws Exception {
    Location location = site.location();
    if (location.engine() == Engine.POSTGRESQL) {
      throw new Refusal(
          "restore writes a SQLite site into a data folder; restore a PostgreSQL site with"
              + " pg_restore as docs/backup.md describes");
    }
    return switch (SiteRestore.restore(file, location.dataFolder())) {
      case RestoreOutcome.Restored restored -> {
        System.out.printf(
            "Restored the site backed up at %s%s into %s%n",
            restored.created(),
            restored.pictures() == 0
                ? ""
                : ", with %d picture file%s in media/ (moved into the database when it starts),"
                    .formatted(restored.pictures(), restored.pictures() == 1 ? "" : "s"),
            restored.dataFolder());
        System.out.println("Serve it with: ./broadsheet serve --data " + restored.dataFolder());
        yield 0;
      }
      case RestoreOutcome.Refused refused -> throw new Refusal(refused.reason());
    };
  }
}
