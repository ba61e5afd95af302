package org.broadsheet.search;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The factor by which an article's relevance is multiplied for being recent:
 *
 * <pre>boost = 1 + WEIGHT × 2^(−age / HALF_LIFE)</pre>
 *
 * with WEIGHT 1 and HALF_LIFE 30 days: an article published now counts twice, one a month old 1.5
 * times, one a year old barely more than once. Between two equally relevant articles the newer one
 * wins; a much better match (a headline against a passing word in a body) still beats a newer one.
 */
final class RecencyBoost extends DoubleValuesSource {
  static final double WEIGHT = 1.0;
  static final Duration HALF_LIFE = Duration.ofDays(30);

  private final long now;

  RecencyBoost(long nowMillis) {
    this.now = nowMillis;
  }

  static double boost(long ageMillis) {
    return 1 + WEIGHT * Math.pow(2, -(double) Math.max(0, ageMillis) / HALF_LIFE.toMillis());
  }

  @Override
  public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
    NumericDocValues published = DocValues.getNumeric(context.reader(), ArticleDocument.PUBLISHED);
    return new DoubleValues() {
      private double value = 1;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        value = published.advanceExact(doc) ? boost(now - published.longValue()) : 1;
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext context) {
    return false;
  }

  @Override
  public int hashCode() {
    return Objects.hash(RecencyBoost.class, now);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecencyBoost boost && boost.now == now;
  }

  @Override
  public String toString() {
    return "recency(now=" + now + ")";
  }
}
