package org.broadsheet.backup;

import java.nio.file.Path;

/** What a backup did: wrote the archive, or why it did not (and wrote nothing). */
public sealed interface BackupOutcome {
  record Written(Path archive, String database, int pictures, long bytes, boolean siteRunning)
      implements BackupOutcome {}

  record Refused(String reason) implements BackupOutcome {}
}
