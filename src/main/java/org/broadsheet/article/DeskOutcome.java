package org.broadsheet.article;

import java.util.Map;

/** What became of a change asked for at the newsroom's desk (front page, sections, authors). */
public sealed interface DeskOutcome {
  /** Done; the message says what changed, for the page shown next. */
  record Done(String message) implements DeskOutcome {}

  /** Nothing was changed; the problems are by form field. */
  record Refused(Map<String, String> problems) implements DeskOutcome {
    public Refused {
      problems = Map.copyOf(problems);
    }

    public static Refused of(String field, String problem) {
      return new Refused(Map.of(field, problem));
    }
  }

  /** No section or author has this slug. */
  record NotFound(String slug) implements DeskOutcome {}
}
