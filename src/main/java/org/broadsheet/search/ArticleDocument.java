package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.broadsheet.article.Article;
import org.broadsheet.article.Author;
import org.broadsheet.article.Tag;
import org.broadsheet.media.Image;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One published article as the index holds it. Every text field a reader searches is stored with
 * its offsets, so snippets are highlighted without analysing the text again; the result list is
 * drawn from the index alone, without a database query.
 */
final class ArticleDocument {
  static final String ID = "id";
  static final String SLUG = "slug";
  static final String HEADLINE = "headline";
  static final String KICKER = "kicker";
  static final String STANDFIRST = "standfirst";
  static final String TAGS = "tags";
  static final String AUTHORS = "authors";
  static final String BODY = "body";
  static final String CAPTIONS = "captions";
  static final String SECTION = "section";
  static final String SECTION_NAME = "section_name";
  static final String AUTHOR = "author";
  static final String PUBLISHED = "published";
  static final String PUBLISHED_VALUE = "published_value";

  /**
   * Every searched word once, lower-cased but neither stemmed nor stripped of stop words: where
   * "did you mean" finds real words to offer.
   */
  static final String SPELLING = "spelling";

  /**
   * Relative weights: a word in the headline counts most, then the standfirst and kicker, then the
   * tags and bylines, then the body and captions.
   */
  static final Map<String, Float> WEIGHTS =
      Map.of(
          HEADLINE, 8f,
          STANDFIRST, 4f,
          KICKER, 4f,
          TAGS, 2f,
          AUTHORS, 2f,
          BODY, 1f,
          CAPTIONS, 1f);

  private static final FieldType SEARCHED_TEXT = new FieldType(TextField.TYPE_STORED);

  static {
    SEARCHED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    SEARCHED_TEXT.freeze();
  }

  private ArticleDocument() {}

  static Term idTerm(long articleId) {
    return new Term(ID, Long.toString(articleId));
  }

  /**
   * @param bodyHtml the article's body rendered to HTML; its figures are left out, since their
   *     captions are indexed as captions
   */
  static Document of(Article article, String bodyHtml) {
    Element body = Jsoup.parseBodyFragment(bodyHtml).body();
    body.select("figure").remove();
    List<String> captions = new ArrayList<>();
    Image lead = article.leadImage();
    if (lead != null && !lead.caption().isBlank()) {
      captions.add(lead.caption());
    }
    for (Image figure : article.figures().values()) {
      if (!figure.caption().isBlank()) {
        captions.add(figure.caption());
      }
    }
    return of(
        article.id(),
        article.slug(),
        article.kicker(),
        article.headline(),
        article.standfirst(),
        body.text(),
        String.join("\n", captions),
        article.section().slug(),
        article.section().name(),
        article.authors().stream().map(Author::slug).toList(),
        article.authors().stream().map(Author::name).toList(),
        article.tags().stream().map(Tag::name).toList(),
        article.publishedAt().toEpochMilli());
  }

  /** The document from its parts: also how the benchmark fills an index without a database. */
  static Document of(
      long id,
      String slug,
      String kicker,
      String headline,
      String standfirst,
      String bodyText,
      String captions,
      String sectionSlug,
      String sectionName,
      List<String> authorSlugs,
      List<String> authorNames,
      List<String> tags,
      long publishedMillis) {
    Document document = new Document();
    document.add(new StringField(ID, Long.toString(id), Field.Store.YES));
    document.add(new StoredField(SLUG, slug));
    document.add(new Field(HEADLINE, headline, SEARCHED_TEXT));
    document.add(new Field(KICKER, kicker, SEARCHED_TEXT));
    document.add(new Field(STANDFIRST, standfirst, SEARCHED_TEXT));
    document.add(new Field(BODY, bodyText, SEARCHED_TEXT));
    document.add(new Field(CAPTIONS, captions, SEARCHED_TEXT));
    for (String tag : tags) {
      document.add(new Field(TAGS, tag, SEARCHED_TEXT));
    }
    for (String name : authorNames) {
      document.add(new Field(AUTHORS, name, SEARCHED_TEXT));
    }
    for (String author : authorSlugs) {
      document.add(new StringField(AUTHOR, author, Field.Store.YES));
    }
    document.add(new StringField(SECTION, sectionSlug, Field.Store.YES));
    document.add(new StoredField(SECTION_NAME, sectionName));
    document.add(new LongPoint(PUBLISHED, publishedMillis));
    document.add(new NumericDocValuesField(PUBLISHED, publishedMillis));
    document.add(new StoredField(PUBLISHED_VALUE, publishedMillis));
    document.add(
        new TextField(
            SPELLING,
            String.join(
                " ",
                headline,
                kicker,
                standfirst,
                String.join(" ", tags),
                String.join(" ", authorNames),
                bodyText,
                captions),
            Field.Store.NO));
    return document;
  }
}
