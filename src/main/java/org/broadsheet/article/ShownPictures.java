package org.broadsheet.article;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.media.Image;

/** What readers are shown of an article's pictures at a time: those whose rights expired go. */
final class ShownPictures {
  private ShownPictures() {}

  /** The article without the pictures whose rights to be shown have expired. */
  static Article of(Article article, Instant now) {
    boolean leadShown = article.leadImage() == null || article.leadImage().shownAt(now);
    if (leadShown && article.figures().values().stream().allMatch(i -> i.shownAt(now))) {
      return article;
    }
    Map<String, Image> figures = new LinkedHashMap<>();
    article
        .figures()
        .forEach(
            (reference, image) -> {
              if (image.shownAt(now)) {
                figures.put(reference, image);
              }
            });
    return new Article(
        article.id(),
        article.slug(),
        article.kicker(),
        article.headline(),
        article.standfirst(),
        article.body(),
        article.section(),
        article.authors(),
        article.tags(),
        article.status(),
        article.publishedAt(),
        article.updatedAt(),
        leadShown ? article.leadImage() : null,
        figures,
        article.commentsOpen(),
        article.commentCount(),
        article.type(),
        article.dateline(),
        article.sources(),
        article.corrections());
  }

  static List<ArticleSummary> of(List<ArticleSummary> summaries, Instant now) {
    return summaries.stream()
        .map(
            s ->
                s.leadImage() == null || s.leadImage().shownAt(now)
                    ? s
                    : new ArticleSummary(
                        s.id(),
                        s.slug(),
                        s.kicker(),
                        s.headline(),
                        s.standfirst(),
                        s.section(),
                        s.authors(),
                        s.publishedAt(),
                        null,
                        s.commentCount(),
                        s.type(),
                        null))
        .toList();
  }
}
