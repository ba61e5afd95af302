package org.broadsheet.search;

import java.time.Duration;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Query;

/**
 * How much being recent adds to an article's relevance. The score of a result is
 *
 * <pre>relevance + WEIGHT × HALF_AGE / (HALF_AGE + age)</pre>
 *
 * where relevance is Lucene's BM25 over the weighted fields and age the time since publication:
 * WEIGHT 2 and HALF_AGE 7 days, so an article published now gains 2, one a week old 1, one a month
 * old about 0.4 and one a year old almost nothing. Between two equally relevant articles the newer
 * one wins; a much better match (the words in the headline, worth eight times the body) still beats
 * a newer one. The bonus is an additive clause (Lucene's distance feature on the publication time),
 * which lets Lucene skip articles that cannot reach the page instead of scoring every match.
 */
final class Recency {
  static final float WEIGHT = 2f;
  static final Duration HALF_AGE = Duration.ofDays(7);

  private Recency() {}

  static Query feature(long nowMillis) {
    return LongField.newDistanceFeatureQuery(
        ArticleDocument.PUBLISHED, WEIGHT, nowMillis, HALF_AGE.toMillis());
  }
}
