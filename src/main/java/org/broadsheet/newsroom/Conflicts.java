package org.broadsheet.newsroom;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Dateline;
import org.broadsheet.article.Revision;

/**
 * What a writer whose save came too late is told: who saved the article since they started, when,
 * and what that changed (the revisions' diff from the version they started from to the current one,
 * less the updated time every save moves).
 */
final class Conflicts {
  private final ArticleService articles;
  private final Supplier<ZoneId> zone;

  Conflicts(ArticleService articles, Supplier<ZoneId> zone) {
    this.articles = articles;
    this.zone = zone;
  }

  NewsroomPages.Conflict of(
      long articleId,
      long startedFrom,
      ArticleService.SaveOutcome.Stale stale,
      boolean mayStillSave) {
    List<Revision> revisions = articles.revisions(articleId);
    Optional<Revision> started =
        revisions.stream().filter(r -> r.version() == startedFrom).findFirst();
    Optional<Revision> current =
        revisions.stream().filter(r -> r.version() == stale.currentVersion()).findFirst();
    List<NewsroomPages.FieldChange> changes =
        started.isPresent() && current.isPresent()
            ? articles.diff(started.get().id(), current.get().id()).stream()
                .flatMap(diff -> diff.changes().stream())
                .filter(change -> !change.field().equals("Updated at"))
                .map(NewsroomPages.FieldChange::of)
                .toList()
            : List.of();
    return new NewsroomPages.Conflict(
        stale.savedBy() == null ? "Someone" : stale.savedBy(),
        stale.savedAt() == null ? "a moment ago" : new Dateline(zone.get()).text(stale.savedAt()),
        changes,
        mayStillSave);
  }
}
