package org.broadsheet.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;

/** Articles a test files straight through the article service, as an import would. */
public final class Stories {
  private Stories() {}

  /** Saves (or replaces) the article with this slug; returns its id. */
  public static long file(
      TestSite site,
      String slug,
      String headline,
      String section,
      List<String> tags,
      String author,
      ArticleStatus status,
      Instant publishedAt) {
    return site.application()
        .articles()
        .save(
            new ArticleDraft(
                slug,
                "",
                headline,
                "Standfirst of " + headline + ".",
                "Body of " + headline + ".",
                section,
                tags,
                List.of(author),
                status,
                publishedAt,
                publishedAt,
                null,
                Map.of(),
                null));
  }
}
