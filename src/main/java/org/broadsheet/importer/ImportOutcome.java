package org.broadsheet.importer;

import java.nio.file.Path;

/** What became of one imported file. */
public sealed interface ImportOutcome {
  Path file();

  /**
   * The article was stored; {@code created} is false when an earlier import was updated. {@code
   * warnings} name what of the file readers will not see (raw HTML), each with file and line.
   */
  record Imported(
      Path file, String slug, String publicPath, boolean created, java.util.List<String> warnings)
      implements ImportOutcome {
    public Imported(Path file, String slug, String publicPath, boolean created) {
      this(file, slug, publicPath, created, java.util.List.of());
    }
  }

  /** The article existed and was left as it is (the demo edition never overwrites). */
  record Skipped(Path file, String slug) implements ImportOutcome {}

  /** Nothing of the file was written; {@code line} is 1-based, 0 when no line is to blame. */
  record Refused(Path file, int line, String reason) implements ImportOutcome {
    public String message() {
      return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
  }
}
