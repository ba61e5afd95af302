package org.broadsheet.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.storage.SiteLock;

/**
 * Takes a backup of a site while it serves and writes: first a consistent copy of the database,
 * which holds the pictures, then any picture files an earlier version left in media/ (a site moves
 * them into its database when it starts), then the manifest. The archive appears under its name
 * only when it is complete and on disk.
 */
public final class SiteBackup {
  private final Database database;
  private final Path dataFolder;

  public SiteBackup(Database database, Path dataFolder) {
    this.database = database;
    this.dataFolder = dataFolder.toAbsolutePath().normalize();
  }

  public BackupOutcome writeTo(Path archive) throws IOException {
    Path target = archive.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      return new BackupOutcome.Refused(target + " already exists; give a new file name");
    }
    Path folder = target.getParent();
    if (!Files.isDirectory(folder)) {
      return new BackupOutcome.Refused("the folder " + folder + " does not exist");
    }
    if (target.startsWith(dataFolder)) {
      return new BackupOutcome.Refused(
          "write the backup outside the data folder " + dataFolder + ", not into it");
    }
    boolean running = SiteLock.isHeld(dataFolder);
    Engine engine = database.engine();
    String databaseEntry =
        engine == Engine.SQLITE ? BackupArchive.SQLITE_ENTRY : BackupArchive.POSTGRESQL_ENTRY;
    Path work = Files.createTempDirectory(folder, ".broadsheet-backup-");
    try {
      Path copy = work.resolve(databaseEntry);
      database.copyTo(copy);
      Path partial = work.resolve("archive.zip");
      int pictures =
          BackupArchive.write(
              partial,
              engine.name().toLowerCase(Locale.ROOT),
              copy,
              databaseEntry,
              dataFolder.resolve(BackupArchive.MEDIA));
      long bytes = Files.size(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return new BackupOutcome.Written(target, databaseEntry, pictures, bytes, running);
    } finally {
      DataFolders.deleteTree(work);
    }
  }
}
