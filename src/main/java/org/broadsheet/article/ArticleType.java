package org.broadsheet.article;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of journalism an article is, told to readers on the page and in listings and to
 * machines as the schema.org type. An explainer is background that answers a reader's question, so
 * it is a {@code BackgroundNewsArticle} with the genre "Explainer".
 *
 * @param word how the type is written in front matter and stored
 * @param label what readers see
 * @param schemaType the schema.org type of the article's structured data
 */
public enum ArticleType {
  NEWS("news", "News", "NewsArticle"),
  ANALYSIS("analysis", "Analysis", "AnalysisNewsArticle"),
  OPINION("opinion", "Opinion", "OpinionNewsArticle"),
  REVIEW("review", "Review", "ReviewNewsArticle"),
  BACKGROUND("background", "Background", "BackgroundNewsArticle"),
  EXPLAINER("explainer", "Explainer", "BackgroundNewsArticle"),
  SPONSORED("sponsored", "Sponsored content", "AdvertiserContentArticle");

  private final String word;
  private final String label;
  private final String schemaType;

  ArticleType(String word, String label, String schemaType) {
    this.word = word;
    this.label = label;
    this.schemaType = schemaType;
  }

  public String word() {
    return word;
  }

  public String label() {
    return label;
  }

  public String schemaType() {
    return schemaType;
  }

  /** Opinion and sponsored content are set apart by a band no reader can miss. */
  public boolean banded() {
    return this == OPINION || this == SPONSORED;
  }

  public static Optional<ArticleType> parse(String word) {
    return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
  }

  public static String words() {
    return String.join(", ", Arrays.stream(values()).map(ArticleType::word).toList());
  }
}
