package org.broadsheet.article;

import java.util.List;

/**
 * Finds the articles most like one article by what they say (the search index does, with
 * MoreLikeThis); the article feature reads them and fills the rest with stories sharing its tags.
 */
@FunctionalInterface
public interface RelatedStories {
  /** Finds none: related stories are those sharing tags only. */
  RelatedStories NONE = (articleId, limit) -> List.of();

  /** The ids of up to limit articles most like this one, best first; it is never among them. */
  List<Long> alike(long articleId, int limit);
}
