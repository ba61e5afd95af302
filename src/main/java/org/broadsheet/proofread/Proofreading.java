package org.broadsheet.proofread;

import java.util.List;

/** What came of proofreading one file or article. */
public sealed interface Proofreading {
  /** Read through; no findings means clean. */
  record Checked(List<Finding> findings) implements Proofreading {}

  /**
   * Could not be proofread as given: a missing file, an unknown slug, text that is not UTF-8, front
   * matter that is not valid, a language not supported. The reason names the line when there is
   * one.
   */
  record Refused(String reason) implements Proofreading {}
}
