package org.broadsheet.feed;

import org.broadsheet.web.FeedLink;

/** The formats every feed is offered in, each at its own file name beside the page it follows. */
enum FeedFormat {
  RSS("feed.xml", FeedLink.RSS, "RSS"),
  ATOM("feed.atom", FeedLink.ATOM, "Atom"),
  JSON("feed.json", FeedLink.JSON, "JSON Feed");

  final String fileName;
  final String mediaType;
  final String label;

  FeedFormat(String fileName, String mediaType, String label) {
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.label = label;
  }

  String contentType() {
    return mediaType + "; charset=utf-8";
  }
}
