package org.broadsheet.proofread;

import java.time.Clock;
import java.util.List;
import org.broadsheet.storage.Database;

/** What the newsroom chose to ignore, article by article ("ignore here"). */
public final class IgnoredFindings {
  /** What came of ignoring a finding. */
  public enum Outcome {
    IGNORED,
    ALREADY_IGNORED,
    REFUSED
  }

  private final Database database;
  private final Clock clock;
  private final IgnoredStore store = new IgnoredStore();

  public IgnoredFindings(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public List<IgnoredFinding> in(long articleId) {
    return database.read(tx -> store.of(tx, articleId));
  }

  /** Ignores the finding in this article from now on; refused for empty or over-long words. */
  public Outcome ignore(long articleId, IgnoredFinding finding) {
    if (finding.rule().isBlank()
        || finding.rule().length() > 120
        || finding.words().isBlank()
        || finding.words().length() > IgnoredFinding.MAX_WORDS_CHARS) {
      return Outcome.REFUSED;
    }
    return database.inTransaction(
        tx -> {
          if (store.contains(tx, articleId, finding)) {
            return Outcome.ALREADY_IGNORED;
          }
          store.add(tx, articleId, finding, clock.instant());
          return Outcome.IGNORED;
        });
  }
}
