package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as a newsroom or an import hands it in, before it is stored.
 *
 * @param figureImageIds stored pictures for the references the body makes
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
    String sourcePath) {}
