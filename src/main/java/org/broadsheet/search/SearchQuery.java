package org.broadsheet.search;

import java.time.LocalDate;

/**
 * What a reader asked for.
 *
 * @param text the words, as typed; quotes make a phrase, a leading minus excludes a word
 * @param section a section's slug, or empty for every section
 * @param author an author's slug, or empty for everyone
 * @param from the first day of publication to include (in the site's time zone), or null
 * @param to the last day of publication to include, or null
 * @param page the page of results, from 1
 */
public record SearchQuery(
    String text, String section, String author, LocalDate from, LocalDate to, int page) {
  /** The longest query text searched; the rest is ignored. */
  public static final int MAX_LENGTH = 200;

  /** Results pages never go deeper than this. */
  public static final int MAX_PAGE = 100;

  public SearchQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH);
    }
    section = section == null ? "" : section.strip();
    author = author == null ? "" : author.strip();
  }

  public static SearchQuery of(String text) {
    return new SearchQuery(text, "", "", null, null, 1);
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  public SearchQuery withText(String other) {
    return new SearchQuery(other, section, author, from, to, 1);
  }
}
