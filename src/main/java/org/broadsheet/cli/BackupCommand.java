package org.broadsheet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.backup.BackupOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one zip archive holding a consistent copy of the database, taken while the site"
          + " serves and writes (SQLite: VACUUM INTO; PostgreSQL: pg_dump, which must be on the"
          + " PATH), pictures included, and manifest.json with the SHA-256 of every entry.",
      "The file appears only once it is complete. Exit status: 0 when written, 2 when refused"
          + " (the file exists, no site), 1 when it failed; nothing is left behind either way."
    })
final class BackupCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The archive to write, e.g. site.zip.")
  Path file;

  @Override
  public Integer call() throws Exception {
    try (Application application = site.open()) {
      return switch (application.backup().writeTo(file)) {
        case BackupOutcome.Written written -> {
          System.out.printf(
              "Backed up %s, pictures included,%s to %s (%,d bytes)%s.%n",
              written.database(),
              written.pictures() == 0
                  ? ""
                  : " and %d picture file%s still in media/"
                      .formatted(written.pictures(), written.pictures() == 1 ? "" : "s"),
              written.archive(),
              written.bytes(),
              written.siteRunning() ? ", taken while the site ran" : "");
          yield 0;
        }
        case BackupOutcome.Refused refused -> throw new Refusal(refused.reason());
      };
    }
  }
}
