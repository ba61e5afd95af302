package org.broadsheet.newsroom;

import java.util.OptionalInt;

/**
 * What the newsroom's dashboard shows of the comments waiting for someone: the application wires it
 * to the comment feature, which the newsroom does not know.
 */
public interface CommentDesk {
  /** Comments held for moderation. */
  int waitingForModeration();

  /** Reports from readers not yet looked at; empty while the comment feature takes none. */
  OptionalInt readerReports();

  CommentDesk NONE =
      new CommentDesk() {
        @Override
        public int waitingForModeration() {
          return 0;
        }

        @Override
        public OptionalInt readerReports() {
          return OptionalInt.empty();
        }
      };
}
