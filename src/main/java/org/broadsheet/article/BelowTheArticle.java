package org.broadsheet.article;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * What another feature shows under an article (the comment section), so the article page need not
 * know that feature.
 */
@FunctionalInterface
public interface BelowTheArticle {
  Content contentFor(Article article, Context request);

  BelowTheArticle NOTHING = (article, request) -> output -> {};
}
