package org.broadsheet.web;

/**
 * A {@code <meta>} element of a page's head for sharing: OpenGraph ({@code property="og:title"}) or
 * Twitter card ({@code name="twitter:card"}).
 */
public record MetaTag(String attribute, String key, String content) {
  public static MetaTag property(String key, String content) {
    return new MetaTag("property", key, content);
  }

  public static MetaTag name(String key, String content) {
    return new MetaTag("name", key, content);
  }
}
