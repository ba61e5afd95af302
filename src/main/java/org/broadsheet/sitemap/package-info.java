/**
 * What search engines read: robots.txt, the sitemap index and its sitemaps (articles by month of
 * publication, sections, tags, authors, and the Google News sitemap of the last 48 hours). It reads
 * articles through the article feature's service, so drafts and articles scheduled for later never
 * appear.
 */
package org.broadsheet.sitemap;
