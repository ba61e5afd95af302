package org.broadsheet.article;

import java.time.Instant;

/** When a published article appeared and last changed: what a sitemap says of it. */
public record ArticleTimes(
    long id, String slug, String headline, Instant publishedAt, Instant updatedAt) {

  public String path() {
    return Article.pathOf(slug);
  }

  /** The later of publication and update: a scheduled article changes when it appears. */
  public Instant lastModified() {
    return updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
  }
}
