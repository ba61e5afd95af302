package org.broadsheet.web;

import java.time.Instant;
import java.util.Set;

/**
 * What a feature's data changes on the site's cached pages, declared by the feature where that data
 * lives: which pages a committed change of a topic drops, and which pages time alone changes (an
 * article coming due, comments closing). {@link PageInvalidation} asks every feature's rules.
 */
public interface PageRules {
  /**
   * Cache tags of the pages that show what a committed change touched; empty when this feature
   * knows nothing of the topic. A topic no feature knows drops every page.
   *
   * @param topic what the writer recorded, such as "article"
   * @param subject what the change concerns, such as the article's id
   */
  Set<String> drops(String topic, String subject);

  /** Cache tags of the pages that changed with time alone in (after, until]. */
  default Set<String> changedBetween(Instant after, Instant until) {
    return Set.of();
  }
}
