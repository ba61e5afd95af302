package org.broadsheet.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.SiteLock;

/**
 * Restores a backup into a new data folder, all or nothing: the archive is checked entry by entry
 * against its manifest before anything is written, then unpacked into a temporary folder beside the
 * target, checked again (checksums, SQLite's integrity check), and only then renamed into place.
 */
public final class SiteRestore {
  private SiteRestore() {}

  public static RestoreOutcome restore(Path archive, Path dataFolder) throws IOException {
    Path source = archive.toAbsolutePath().normalize();
    Path target = dataFolder.toAbsolutePath().normalize();
    if (!Files.isRegularFile(source)) {
      return new RestoreOutcome.Refused("no such file: " + source);
    }
    Optional<String> occupied = occupied(target);
    if (occupied.isPresent()) {
      return new RestoreOutcome.Refused(occupied.get());
    }
    Manifest manifest;
    try {
      manifest = BackupArchive.verify(source);
    } catch (BackupArchive.Damaged e) {
      return refusedArchive(source, e);
    }
    if (manifest.entries().stream()
        .anyMatch(e -> e.name().equals(BackupArchive.POSTGRESQL_ENTRY))) {
      return new RestoreOutcome.Refused(
          source
              + " holds a PostgreSQL dump (broadsheet.pgdump); restore it with pg_restore and"
              + " unpack media/ into the data folder, as docs/backup.md describes");
    }
    Files.createDirectories(target.getParent());
    Path work =
        Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".restoring-");
    try {
      try {
        BackupArchive.extract(source, work);
      } catch (BackupArchive.Damaged e) {
        return refusedArchive(source, e);
      }
      Optional<String> problem =
          Database.sqliteIntegrityProblem(work.resolve(BackupArchive.SQLITE_ENTRY));
      if (problem.isPresent()) {
        return new RestoreOutcome.Refused(
            source + " holds a damaged database (" + problem.get() + "); nothing was restored");
      }
      // Checked again: a site may have been started there while the archive was unpacked.
      occupied = occupied(target);
      if (occupied.isPresent()) {
        return new RestoreOutcome.Refused(occupied.get());
      }
      // One rename puts the whole site in place (an empty folder is replaced).
      Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
      work = null;
      int pictures = manifest.entries().size() - 1;
      return new RestoreOutcome.Restored(target, pictures, manifest.created());
    } finally {
      DataFolders.deleteTree(work);
    }
  }

  private static RestoreOutcome refusedArchive(Path source, BackupArchive.Damaged e) {
    return new RestoreOutcome.Refused(source + " " + e.getMessage() + "; nothing was restored");
  }

  /** Why a folder cannot take a restored site, if it cannot. */
  private static Optional<String> occupied(Path target) throws IOException {
    if (SiteLock.isHeld(target)) {
      return Optional.of(
          "a site is running in "
              + target
              + "; stop it, and restore into a new folder (--data DIR), never over a site");
    }
    if (!Files.exists(target)) {
      return Optional.empty();
    }
    if (Files.exists(target.resolve(BackupArchive.SQLITE_ENTRY))) {
      return Optional.of(
          target
              + " already holds a site; restore into a new folder (--data DIR), or move that"
              + " folder away first");
    }
    if (!Files.isDirectory(target)) {
      return Optional.of(target + " is not a folder");
    }
    if (!DataFolders.isEmptyFolder(target)) {
      return Optional.of(target + " is not empty; restore into a new or empty folder");
    }
    return Optional.empty();
  }
}
