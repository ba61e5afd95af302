package org.broadsheet.web;

import java.util.List;

/**
 * What a page says about itself in its head.
 *
 * @param canonicalPath the page's own path, made absolute with the site's base URL
 * @param feeds the feeds of what this page shows, besides the site's own (in {@link Layout})
 */
public record PageMeta(
    String title, String description, String canonicalPath, List<FeedLink> feeds) {

  public PageMeta(String title, String description, String canonicalPath) {
    this(title, description, canonicalPath, List.of());
  }

  public PageMeta withFeeds(List<FeedLink> more) {
    return new PageMeta(title, description, canonicalPath, List.copyOf(more));
  }
}
