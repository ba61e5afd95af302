package org.broadsheet.comment;

import java.util.Map;

/** What became of a posted comment. */
public sealed interface PostOutcome {
  /** Published at once. */
  record Published(Comment comment) implements PostOutcome {}

  /** Stored, waiting for a moderator (or filed as spam, which the writer is not told). */
  record Held(Comment comment) implements PostOutcome {}

  /** Not stored: what is wrong, by form field ("form" for the whole form). */
  record Refused(Map<String, String> problems) implements PostOutcome {}

  /** Not stored: the writer posted too often; try later. */
  record Limited(String message) implements PostOutcome {}

  /** Not stored: this article takes no more comments. */
  record Closed(String message) implements PostOutcome {}
}
