package org.broadsheet.web;

import java.util.List;

/**
 * What a page says about itself in its head.
 *
 * @param canonicalPath the page's own path, made absolute with the site's base URL
 * @param feeds the feeds of what this page shows, besides the site's own (in {@link Layout})
 * @param openGraphType {@code og:type}: {@code website}, or {@code article} for an article
 * @param sharing OpenGraph and Twitter tags beyond the title, description and address every page
 *     has
 * @param structuredData JSON-LD, already safe inside a script element; null for none
 */
public record PageMeta(
    String title,
    String description,
    String canonicalPath,
    List<FeedLink> feeds,
    String openGraphType,
    List<MetaTag> sharing,
    String structuredData) {

  public PageMeta(String title, String description, String canonicalPath, List<FeedLink> feeds) {
    this(title, description, canonicalPath, feeds, "website", List.of(), null);
  }

  public PageMeta(String title, String description, String canonicalPath) {
    this(title, description, canonicalPath, List.of());
  }

  public PageMeta withFeeds(List<FeedLink> more) {
    return new PageMeta(
        title,
        description,
        canonicalPath,
        List.copyOf(more),
        openGraphType,
        sharing,
        structuredData);
  }

  public PageMeta withSharing(String type, List<MetaTag> tags) {
    return new PageMeta(
        title, description, canonicalPath, feeds, type, List.copyOf(tags), structuredData);
  }

  public PageMeta withStructuredData(String json) {
    return new PageMeta(title, description, canonicalPath, feeds, openGraphType, sharing, json);
  }
}
