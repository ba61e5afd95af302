package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.media.Image;

/**
 * A stored article with everything its page shows.
 *
 * @param body Markdown exactly as the newsroom wrote it
 * @param figures the pictures the body places, by the reference written in the body
 * @param corrections the standing corrections, oldest first
 * @param dateline where the story was reported from, shown before the text; empty for none
 */
public record Article(
    long id,
    String slug,
    String kicker,
    String headline,
    String standfirst,
    String body,
    Section section,
    List<Author> authors,
    List<Tag> tags,
    ArticleStatus status,
    Instant publishedAt,
    Instant updatedAt,
    Image leadImage,
    Map<String, Image> figures,
    boolean commentsOpen,
    int commentCount,
    ArticleType type,
    String dateline,
    List<Source> sources,
    List<Correction> corrections) {

  public String path() {
    return pathOf(slug);
  }

  public static String pathOf(String slug) {
    return "/articles/" + slug;
  }

  public boolean wasUpdated() {
    return updatedAt.isAfter(publishedAt.plusSeconds(60));
  }
}
