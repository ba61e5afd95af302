package org.broadsheet.article;

import gg.jte.Content;
import io.javalin.http.Context;
import java.util.List;
import org.broadsheet.web.FeedLink;

/**
 * What another feature shows under an article (the comment section), so the article page need not
 * know that feature.
 */
@FunctionalInterface
public interface BelowTheArticle {
  Content contentFor(Article article, Context request);

  /** Feeds of what this feature shows under the article, linked from the article page's head. */
  default List<FeedLink> feedsFor(Article article) {
    return List.of();
  }

  BelowTheArticle NOTHING = (article, request) -> output -> {};
}
