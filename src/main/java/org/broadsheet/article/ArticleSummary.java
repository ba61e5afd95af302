package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import org.broadsheet.media.Image;

/**
 * What a listing shows of an article.
 *
 * @param leadImage the article's lead picture as the article shows it
 * @param cardImage the crop of it the article's card shows, with the card's alt text; null for the
 *     whole lead picture (no crop set, or its copies not made yet)
 */
public record ArticleSummary(
    long id,
    String slug,
    String kicker,
    String headline,
    String standfirst,
    Section section,
    List<Author> authors,
    Instant publishedAt,
    Image leadImage,
    int commentCount,
    ArticleType type,
    Image cardImage) {

  /** A summary whose card shows the whole lead picture. */
  public ArticleSummary(
      long id,
      String slug,
      String kicker,
      String headline,
      String standfirst,
      Section section,
      List<Author> authors,
      Instant publishedAt,
      Image leadImage,
      int commentCount,
      ArticleType type) {
    this(
        id,
        slug,
        kicker,
        headline,
        standfirst,
        section,
        authors,
        publishedAt,
        leadImage,
        commentCount,
        type,
        null);
  }

  /** The picture the article's card shows: its crop when one is made, else the lead picture. */
  public Image card() {
    return cardImage != null ? cardImage : leadImage;
  }

  /** Whether the card shows a picture of its own (a crop, with its own alt text). */
  public boolean cardCropped() {
    return cardImage != null;
  }

  public String path() {
    return Article.pathOf(slug);
  }
}
