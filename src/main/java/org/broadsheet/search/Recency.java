package org.broadsheet.search;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * How much being recent adds to an article's relevance. The score of a result is
 *
 * <pre>relevance + WEIGHT × HALF_AGE / (HALF_AGE + age)</pre>
 *
 * where relevance is Lucene's BM25 over the weighted fields and age the time since publication:
 * WEIGHT 2 and HALF_AGE 7 days, so an article published now gains 2, one a week old 1, one a month
 * old about 0.4 and one a year old almost nothing. Between two equally relevant articles the newer
 * one wins; a much better match (the words in the headline, worth eight times the body) still beats
 * a newer one.
 *
 * <p>The bonus is added to the {@link #WINDOW} most relevant matches (more when a later page needs
 * them), which are then ordered again, as search engines rescore: Lucene can then find those
 * matches by relevance alone, skipping articles that cannot reach them, instead of scoring every
 * article that has a common word.
 */
final class Recency {
  static final float WEIGHT = 2f;
  static final Duration HALF_AGE = Duration.ofDays(7);
  static final int WINDOW = 200;

  private Recency() {}

  static double bonus(long ageMillis) {
    double age = Math.max(0, ageMillis);
    return WEIGHT * HALF_AGE.toMillis() / (HALF_AGE.toMillis() + age);
  }

  /** The matches with the bonus added to their scores, best first. */
  static ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] matches, long nowMillis)
      throws IOException {
    ScoreDoc[] byDoc = matches.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    NumericDocValues published = null;
    int leaf = -1;
    ScoreDoc[] rescored = new ScoreDoc[byDoc.length];
    for (int i = 0; i < byDoc.length; i++) {
      ScoreDoc hit = byDoc[i];
      int at = ReaderUtil.subIndex(hit.doc, leaves);
      if (at != leaf) {
        leaf = at;
        published = DocValues.getNumeric(leaves.get(at).reader(), ArticleDocument.PUBLISHED);
      }
      double bonus =
          published.advanceExact(hit.doc - leaves.get(at).docBase)
              ? bonus(nowMillis - published.longValue())
              : 0;
      rescored[i] = new ScoreDoc(hit.doc, (float) (hit.score + bonus));
    }
    Arrays.sort(
        rescored,
        Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingInt(hit -> hit.doc));
    return rescored;
  }
}
