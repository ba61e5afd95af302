package org.broadsheet.sitemap;

import java.time.Instant;

/**
 * One URL in a sitemap.
 *
 * @param loc absolute
 * @param lastModified null when unknown
 * @param news what the Google News sitemap says of an article; null elsewhere
 */
record SitemapUrl(String loc, Instant lastModified, News news) {
  record News(String title, Instant published) {}
}
