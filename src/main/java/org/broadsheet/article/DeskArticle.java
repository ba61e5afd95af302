package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as the newsroom's desk lists it, whatever its state: enough to decide who may do what
 * with it and to show it in a list.
 *
 * @param version the current version; a save must start from it
 * @param createdBy the newsroom account that created it, or null
 * @param authorSlugs the slugs of its bylines' author pages, in byline order
 * @param publishedAt when it was or will be published (for a scheduled one, its time)
 */
public record DeskArticle(
    long id,
    String slug,
    String headline,
    String section,
    ArticleStatus status,
    long version,
    Long createdBy,
    List<String> authorSlugs,
    Instant publishedAt,
    Instant updatedAt) {

  /** Whether this account created it or writes under one of its bylines. */
  public boolean isOwnedBy(long userId, String authorSlug) {
    return (createdBy != null && createdBy == userId)
        || (authorSlug != null && !authorSlug.isBlank() && authorSlugs.contains(authorSlug));
  }
}
