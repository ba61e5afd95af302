package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.media.Crop;

/**
 * An article as a newsroom or an import hands it in, before it is stored.
 *
 * @param figureImageIds stored pictures for the references the body makes
 * @param dateline where the story was reported from ("KESTRELMOUTH"), empty for none
 * @param leadCaption this article's caption of its lead picture; null for the picture's own
 * @param leadAltText this article's alt text of its lead picture; null for the picture's own
 * @param cardCrop the crop of the lead picture the article's card shows on the front page and in
 *     listings; null for the whole picture
 * @param cardAltText the card picture's alt text; null for the lead's
 */
public record ArticleDraft(
    String slug,
    String kicker,
    String headline,
    String standfirst,
    String body,
    String sectionName,
    List<String> tags,
    List<String> authorNames,
    ArticleStatus status,
    Instant publishedAt,
    Instant updatedAt,
    Long leadImageId,
    Map<String, Long> figureImageIds,
    String sourcePath,
    ArticleType type,
    String dateline,
    List<Source> sources,
    String leadCaption,
    String leadAltText,
    Crop cardCrop,
    String cardAltText) {

  /** A draft whose card shows the whole lead picture with the lead's alt text. */
  public ArticleDraft(
      String slug,
      String kicker,
      String headline,
      String standfirst,
      String body,
      String sectionName,
      List<String> tags,
      List<String> authorNames,
      ArticleStatus status,
      Instant publishedAt,
      Instant updatedAt,
      Long leadImageId,
      Map<String, Long> figureImageIds,
      String sourcePath,
      ArticleType type,
      String dateline,
      List<Source> sources,
      String leadCaption,
      String leadAltText) {
    this(
        slug,
        kicker,
        headline,
        standfirst,
        body,
        sectionName,
        tags,
        authorNames,
        status,
        publishedAt,
        updatedAt,
        leadImageId,
        figureImageIds,
        sourcePath,
        type,
        dateline,
        sources,
        leadCaption,
        leadAltText,
        null,
        null);
  }

  /** The same draft with this lead picture (one uploaded with it). */
  public ArticleDraft withLeadImage(long imageId) {
    return withPictures(imageId, cardCrop, cardAltText);
  }

  /** The same draft whose card shows this crop of its lead picture, with this alt text. */
  public ArticleDraft withCardCrop(Crop crop, String altText) {
    return withPictures(leadImageId, crop, altText);
  }

  private ArticleDraft withPictures(Long lead, Crop crop, String cardAlt) {
    return new ArticleDraft(
        slug,
        kicker,
        headline,
        standfirst,
        body,
        sectionName,
        tags,
        authorNames,
        status,
        publishedAt,
        updatedAt,
        lead,
        figureImageIds,
        sourcePath,
        type,
        dateline,
        sources,
        leadCaption,
        leadAltText,
        crop,
        cardAlt);
  }

  /**
   * A news article with no dateline and no sources listed, whose lead picture (if any) shows the
   * picture's own caption and alt text.
   */
  public ArticleDraft(
      String slug,
      String kicker,
      String headline,
      String standfirst,
      String body,
      String sectionName,
      List<String> tags,
      List<String> authorNames,
      ArticleStatus status,
      Instant publishedAt,
      Instant updatedAt,
      Long leadImageId,
      Map<String, Long> figureImageIds,
      String sourcePath) {
    this(
        slug,
        kicker,
        headline,
        standfirst,
        body,
        sectionName,
        tags,
        authorNames,
        status,
        publishedAt,
        updatedAt,
        leadImageId,
        figureImageIds,
        sourcePath,
        ArticleType.NEWS,
        "",
        List.of(),
        null,
        null);
  }
}
