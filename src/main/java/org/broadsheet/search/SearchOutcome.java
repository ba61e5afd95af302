package org.broadsheet.search;

/** What a search comes to. */
public sealed interface SearchOutcome {
  /** The results (possibly none). */
  record Found(SearchResults results) implements SearchOutcome {}

  /**
   * There is no usable index yet: it is being built from the database.
   *
   * @param done articles indexed so far
   * @param total articles to index; 0 while they are still being counted
   */
  record Rebuilding(int done, int total) implements SearchOutcome {}
}
