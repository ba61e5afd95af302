package org.broadsheet.feed;

import java.time.Instant;
import java.util.List;

/**
 * One feed, whatever its format: what it follows and its newest articles, every link absolute.
 *
 * @param homeUrl the page the feed follows, such as the section's page
 * @param folderUrl where the feed's files are: {@code folderUrl + "/feed.xml"}
 * @param updated the latest change of any entry; the epoch when there is none
 */
record Feed(
    String title,
    String description,
    String language,
    String homeUrl,
    String folderUrl,
    Instant updated,
    List<Entry> entries) {

  String url(FeedFormat format) {
    return folderUrl + "/" + format.fileName;
  }

  /**
   * One article in a feed.
   *
   * @param id stable: the article's canonical URL
   * @param contentHtml the full text, or null when feeds carry summaries only
   * @param enclosure the lead picture, or null
   */
  record Entry(
      String id,
      String url,
      String headline,
      String summary,
      String contentHtml,
      List<Byline> bylines,
      List<String> categories,
      Instant published,
      Instant updated,
      Enclosure enclosure) {}

  record Byline(String name, String url) {}

  /**
   * @param length the file's size in bytes; 0 when it cannot be read
   */
  record Enclosure(String url, String type, long length, String altText) {}
}
