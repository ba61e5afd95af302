package org.broadsheet.web;

/**
 * How pages are cached: the memory the page cache may use, what CDNs in front may do, and where to
 * tell a CDN that pages changed.
 *
 * @param purgeUrl where changed paths are POSTed as JSON; empty for no CDN
 */
public record CachePolicy(
    long maxBytes, int sharedMaxAgeSeconds, int staleWhileRevalidateSeconds, String purgeUrl) {

  /** Cache-Control for pages: browsers revalidate, shared caches may keep them a while. */
  public String cacheControl() {
    return "public, max-age=0, must-revalidate, s-maxage="
        + sharedMaxAgeSeconds
        + ", stale-while-revalidate="
        + staleWhileRevalidateSeconds;
  }
}
