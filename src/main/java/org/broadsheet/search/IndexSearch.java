package org.broadsheet.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.broadsheet.article.Article;
import org.jsoup.nodes.Entities;

/**
 * One search against an open index: the reader's words weighted by field, the filters, the recency
 * boost, one page of hits with highlighted headline and snippet, and "did you mean" when nothing
 * matched. Everything shown comes from the index; the text is escaped before {@code <mark>} is put
 * around the matched words.
 */
final class IndexSearch {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final int SNIPPET_CHARACTERS = 160;
  private static final int SPELLING_MIN_LENGTH = 3;

  /** Matches are counted exactly up to this many; beyond, the page says "more than". */
  static final int COUNTED = 1_000;

  private IndexSearch() {}

  /**
   * The reader's words as a query. No prefixes ("fl*" would expand to every word starting so, in
   * every field) and no fuzzy or proximity operators: each costs far more than a search should.
   */
  static Query words(Analyzer analyzer, String text) {
    int operators =
        SimpleQueryParser.AND_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.WHITESPACE_OPERATOR
            | SimpleQueryParser.ESCAPE_OPERATOR;
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, ArticleDocument.WEIGHTS, operators);
    // Every word must be there: a reader who adds a word narrows the search.
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    // A lone * would be parsed as "every article".
    return parser.parse(text.replace('*', ' '));
  }

  /** The reader's words and filters, without ranking: what is counted and what is highlighted. */
  static Query matching(Query words, SearchQuery query, ZoneId zone) {
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
    if (!query.section().isEmpty()) {
      all.add(
          new TermQuery(new Term(ArticleDocument.SECTION, query.section())),
          BooleanClause.Occur.FILTER);
    }
    if (!query.author().isEmpty()) {
      all.add(
          new TermQuery(new Term(ArticleDocument.AUTHOR, query.author())),
          BooleanClause.Occur.FILTER);
    }
    if (query.from() != null || query.to() != null) {
      long from =
          query.from() == null
              ? Long.MIN_VALUE
              : query.from().atStartOfDay(zone).toInstant().toEpochMilli();
      long to =
          query.to() == null
              ? Long.MAX_VALUE
              : query.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
      all.add(
          LongPoint.newRangeQuery(ArticleDocument.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
    }
    return all.build();
  }

  static SearchResults run(
      IndexSearcher searcher,
      Analyzer analyzer,
      SearchQuery query,
      int pageSize,
      ZoneId zone,
      long nowMillis)
      throws IOException {
    int page = Math.max(1, Math.min(query.page(), SearchQuery.MAX_PAGE));
    Query words = words(analyzer, query.text());
    if (words == null) {
      // Only stop words or punctuation: nothing to look for.
      return new SearchResults(List.of(), 0, false, page, 1, null);
    }
    Query matching = matching(words, query, zone);
    int wanted = page * pageSize;
    // Counting stops at COUNTED: beyond it Lucene may skip articles that cannot reach the window.
    TopDocs top =
        searcher.search(
            matching,
            new TopScoreDocCollectorManager(
                Math.max(Recency.WINDOW, wanted), Math.max(COUNTED, wanted)));
    ScoreDoc[] ranked = Recency.rescore(searcher, top.scoreDocs, nowMillis);
    long total = top.totalHits.value();
    boolean atLeast = top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
    int pageCount =
        (int)
            Math.max(
                1, Math.min(SearchQuery.MAX_PAGE, (total + pageSize - 1) / Math.max(1, pageSize)));
    int first = (page - 1) * pageSize;
    List<ScoreDoc> shown = new ArrayList<>();
    for (int i = first; i < Math.min(ranked.length, wanted); i++) {
      shown.add(ranked[i]);
    }
    List<SearchResults.Hit> hits = hits(searcher, analyzer, words, shown);
    String suggestion = total == 0 ? suggestion(searcher, analyzer, query, zone) : null;
    return new SearchResults(hits, total, atLeast, page, pageCount, suggestion);
  }

  private static List<SearchResults.Hit> hits(
      IndexSearcher searcher, Analyzer analyzer, Query words, List<ScoreDoc> shown)
      throws IOException {
    if (shown.isEmpty()) {
      return List.of();
    }
    int[] docs = shown.stream().mapToInt(hit -> hit.doc).toArray();
    // One pass over the shown articles: the headline whole (escaped even where nothing matched),
    // the other fields as passages around the matches, or nothing.
    UnifiedHighlighter highlighter =
        new UnifiedHighlighter(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withWeightMatches(false)) {
          @Override
          protected BreakIterator getBreakIterator(String field) {
            return field.equals(ArticleDocument.HEADLINE)
                ? new WholeBreakIterator()
                : LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARACTERS, 0.5f);
          }

          @Override
          protected int getMaxNoHighlightPassages(String field) {
            return field.equals(ArticleDocument.HEADLINE) ? 1 : 0;
          }
        };
    Map<String, String[]> passages =
        highlighter.highlightFields(
            new String[] {
              ArticleDocument.HEADLINE,
              ArticleDocument.BODY,
              ArticleDocument.STANDFIRST,
              ArticleDocument.CAPTIONS
            },
            words,
            docs,
            new int[] {1, 2, 1, 1});
    String[] headline = passages.get(ArticleDocument.HEADLINE);
    StoredFields stored = searcher.storedFields();
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      Document document = stored.document(docs[i]);
      String standfirst = document.get(ArticleDocument.STANDFIRST);
      String snippet =
          firstOf(
              passages.get(ArticleDocument.STANDFIRST)[i],
              passages.get(ArticleDocument.BODY)[i],
              passages.get(ArticleDocument.CAPTIONS)[i],
              Entities.escape(standfirst == null ? "" : standfirst));
      String[] authorNames = document.getValues(ArticleDocument.AUTHORS);
      String[] authorSlugs = document.getValues(ArticleDocument.AUTHOR);
      List<SearchResults.Byline> bylines = new ArrayList<>();
      for (int a = 0; a < Math.min(authorNames.length, authorSlugs.length); a++) {
        bylines.add(new SearchResults.Byline(authorNames[a], authorSlugs[a]));
      }
      IndexableField published = document.getField(ArticleDocument.PUBLISHED_VALUE);
      String headlineHtml = headline[i];
      hits.add(
          new SearchResults.Hit(
              Long.parseLong(document.get(ArticleDocument.ID)),
              Article.pathOf(document.get(ArticleDocument.SLUG)),
              document.get(ArticleDocument.KICKER),
              headlineHtml != null
                  ? headlineHtml
                  : Entities.escape(document.get(ArticleDocument.HEADLINE)),
              snippet,
              document.get(ArticleDocument.SECTION_NAME),
              document.get(ArticleDocument.SECTION),
              bylines,
              Instant.ofEpochMilli(published.numericValue().longValue())));
    }
    return hits;
  }

  private static String firstOf(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return "";
  }

  /**
   * The reader's text with each word the index has never seen replaced by the nearest word it has,
   * when that finds articles with the same filters; null otherwise. Only words of published
   * articles whose time has come are in the index, so nothing else is ever offered.
   */
  private static String suggestion(
      IndexSearcher searcher, Analyzer analyzer, SearchQuery query, ZoneId zone)
      throws IOException {
    DirectSpellChecker speller = new DirectSpellChecker();
    speller.setMinQueryLength(SPELLING_MIN_LENGTH);
    Matcher words = WORD.matcher(query.text());
    StringBuilder corrected = new StringBuilder();
    boolean changed = false;
    while (words.find()) {
      String word = words.group().toLowerCase(Locale.ROOT);
      String replacement = words.group();
      Term term = new Term(ArticleDocument.SPELLING, word);
      if (word.length() >= SPELLING_MIN_LENGTH && searcher.getIndexReader().docFreq(term) == 0) {
        SuggestWord[] similar =
            speller.suggestSimilar(
                term, 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (similar.length > 0) {
          replacement = similar[0].string;
          changed = true;
        }
      }
      words.appendReplacement(corrected, Matcher.quoteReplacement(replacement));
    }
    words.appendTail(corrected);
    if (!changed) {
      return null;
    }
    String text = corrected.toString();
    Query correctedWords = words(analyzer, text);
    if (correctedWords == null
        || searcher.count(matching(correctedWords, query.withText(text), zone)) == 0) {
      return null;
    }
    return text;
  }
}
