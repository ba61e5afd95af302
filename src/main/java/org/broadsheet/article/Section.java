package org.broadsheet.article;

/**
 * A section of the site, as the navigation lists it.
 *
 * @param description what the section covers, shown on its page and as its meta description; empty
 *     where only the name was read (a summary's section)
 */
public record Section(long id, String slug, String name, String description) {
  /** Maximum length of a section's name, as stored. */
  public static final int MAX_NAME = 120;

  /** Maximum length of a section's description: a meta description's worth. */
  public static final int MAX_DESCRIPTION = 300;

  public Section(long id, String slug, String name) {
    this(id, slug, name, "");
  }

  public String path() {
    return "/section/" + slug;
  }
}
