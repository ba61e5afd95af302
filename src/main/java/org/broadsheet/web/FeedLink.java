package org.broadsheet.web;

/**
 * A feed a page points readers' feed readers to, written in its head as {@code <link
 * rel="alternate">}.
 *
 * @param path the feed's path on this site, made absolute with the site's base URL
 */
public record FeedLink(String type, String title, String path) {
  public static final String RSS = "application/rss+xml";
  public static final String ATOM = "application/atom+xml";
  public static final String JSON = "application/feed+json";
}
