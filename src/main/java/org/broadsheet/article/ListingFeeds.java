package org.broadsheet.article;

import java.util.List;
import org.broadsheet.web.FeedLink;

/**
 * The feeds another feature offers of a section, tag or author page, linked from that page's head,
 * so the article pages need not know that feature.
 */
@FunctionalInterface
public interface ListingFeeds {
  /**
   * @param path the listing's path, such as /section/world
   * @param name what the listing is of, such as World
   */
  List<FeedLink> of(String path, String name);

  ListingFeeds NONE = (path, name) -> List.of();
}
