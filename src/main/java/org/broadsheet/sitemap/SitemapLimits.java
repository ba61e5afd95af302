package org.broadsheet.sitemap;

/**
 * How large one sitemap may be; a longer list is split into parts (articles-2026-11.xml,
 * articles-2026-11-2.xml, …).
 *
 * @param maxUrls URLs in one sitemap (the protocol allows 50,000)
 * @param maxBytes bytes of one uncompressed sitemap (the protocol allows 50 MB)
 */
record SitemapLimits(int maxUrls, long maxBytes) {
  static final SitemapLimits PROTOCOL = new SitemapLimits(50_000, 50L * 1024 * 1024);
}
