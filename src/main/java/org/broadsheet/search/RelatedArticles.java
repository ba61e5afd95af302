package org.broadsheet.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Articles whose words are most like one article's, by Lucene's MoreLikeThis: the article's most
 * telling words (frequent in it, rare in the edition) in its headline, standfirst, tags and body,
 * looked for in every other article.
 */
final class RelatedArticles {
  private static final String[] FIELDS = {
    ArticleDocument.HEADLINE, ArticleDocument.STANDFIRST, ArticleDocument.TAGS, ArticleDocument.BODY
  };

  /** Enough words to say what a story is about, few enough to keep the query cheap. */
  private static final int TELLING_WORDS = 25;

  private RelatedArticles() {}

  /** The ids of the articles most like this one, best first; none when it is not in the index. */
  static List<Long> to(IndexSearcher searcher, Analyzer analyzer, long articleId, int limit)
      throws IOException {
    TopDocs self = searcher.search(new TermQuery(ArticleDocument.idTerm(articleId)), 1);
    if (self.scoreDocs.length == 0) {
      return List.of();
    }
    MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
    like.setAnalyzer(analyzer);
    like.setFieldNames(FIELDS);
    // A small edition has few articles: a word twice in one story, in any other, is telling.
    like.setMinTermFreq(2);
    like.setMinDocFreq(1);
    like.setMinWordLen(3);
    like.setMaxQueryTerms(TELLING_WORDS);
    like.setBoost(true);
    Query similar = like.like(self.scoreDocs[0].doc);
    Query others =
        new BooleanQuery.Builder()
            .add(similar, BooleanClause.Occur.MUST)
            .add(new TermQuery(ArticleDocument.idTerm(articleId)), BooleanClause.Occur.MUST_NOT)
            .build();
    List<Long> ids = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(others, limit).scoreDocs) {
      ids.add(Long.parseLong(searcher.storedFields().document(hit.doc).get(ArticleDocument.ID)));
    }
    return ids;
  }
}
