package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import org.broadsheet.media.Image;

/** What a listing shows of an article. */
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
    ArticleType type) {

  public String path() {
    return Article.pathOf(slug);
  }
}
