package org.broadsheet.backup;

import java.nio.file.Path;

/** What a restore did: put the whole site in place, or why not (and wrote nothing). */
public sealed interface RestoreOutcome {
  record Restored(Path dataFolder, int pictures, String created) implements RestoreOutcome {}

  record Refused(String reason) implements RestoreOutcome {}
}
