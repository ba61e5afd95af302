package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as a newsroom or an import hands it in, before it is stored.
 *
 * @param figureImageIds stored pictures for the references the body makes
 * @param dateline where the story was reported from ("KESTRELMOUTH"), empty for none
 * @param leadCaption this article's caption of its lead picture; null for the picture's own
 * @param leadAltText this article's alt text of its lead picture; null for the picture's own
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
    String leadAltText) {

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
