package org.broadsheet.article;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.storage.Transaction;

/**
 * Storing an article in the caller's transaction: checked by {@link ArticleRules}, a new version,
 * and a revision kept of every save. An edit must start from the current version; an import saves
 * over whatever is there.
 */
final class Saving {
  private final ArticleStore store;
  private final DraftStore drafts;
  private final Revisions revisions;
  private final Clock clock;

  Saving(ArticleStore store, DraftStore drafts, Revisions revisions, Clock clock) {
    this.store = store;
    this.drafts = drafts;
    this.revisions = revisions;
    this.clock = clock;
  }

  ArticleService.SaveOutcome create(Transaction tx, ArticleDraft draft, Actor actor, String what) {
    ArticleDraft fitted = scheduledIfFuture(draft);
    Map<String, String> problems = problems(tx, null, fitted);
    if (!problems.isEmpty()) {
      return new ArticleService.SaveOutcome.Refused(problems);
    }
    long id = drafts.create(tx, fitted, actor.userId());
    revisions.keep(tx, id, actor, what);
    return new ArticleService.SaveOutcome.Saved(id, 1);
  }

  /** An import's save: the draft's state, whatever version the article had. */
  ArticleService.SaveOutcome replace(
      Transaction tx, long id, ArticleDraft draft, Actor actor, String what) {
    ArticleDraft fitted = scheduledIfFuture(draft);
    Map<String, String> problems = problems(tx, id, fitted);
    if (!problems.isEmpty()) {
      return new ArticleService.SaveOutcome.Refused(problems);
    }
    if (!drafts.update(tx, id, fitted)) {
      return new ArticleService.SaveOutcome.NotFound(id);
    }
    drafts.nextVersion(tx, id);
    revisions.keep(tx, id, actor, what);
    return new ArticleService.SaveOutcome.Saved(id, drafts.stored(tx, id).orElseThrow().version());
  }

  ArticleService.SaveOutcome update(
      Transaction tx, long id, long startedFrom, ArticleDraft draft, Actor actor, String what) {
    Optional<DraftStore.Stored> stored = drafts.stored(tx, id);
    if (stored.isEmpty()) {
      return new ArticleService.SaveOutcome.NotFound(id);
    }
    ArticleStatus status = stored.get().draft().status();
    ArticleDraft kept = withStatus(draft, status);
    Map<String, String> problems = problems(tx, id, kept);
    if (status == ArticleStatus.PUBLISHED
        && kept.publishedAt() != null
        && kept.publishedAt().isAfter(clock.instant())) {
      problems.putIfAbsent(
          "publishedAt",
          "a published article cannot be dated in the future; unpublish and schedule it instead");
    }
    if (!problems.isEmpty()) {
      return new ArticleService.SaveOutcome.Refused(problems);
    }
    if (!drafts.claimVersion(tx, id, startedFrom)) {
      return stale(tx, id, stored.get().version());
    }
    drafts.update(tx, id, kept);
    revisions.keep(tx, id, actor, what);
    return new ArticleService.SaveOutcome.Saved(id, startedFrom + 1);
  }

  private ArticleService.SaveOutcome stale(Transaction tx, long id, long current) {
    Optional<Revision> last = revisions.latest(tx, id);
    return new ArticleService.SaveOutcome.Stale(
        id,
        current,
        last.map(Revision::actor).orElse(null),
        last.map(Revision::savedAt).orElse(null));
  }

  /** A published article dated in the future is a scheduled one. */
  private ArticleDraft scheduledIfFuture(ArticleDraft draft) {
    return draft.status() == ArticleStatus.PUBLISHED
            && draft.publishedAt() != null
            && draft.publishedAt().isAfter(clock.instant())
        ? withStatus(draft, ArticleStatus.SCHEDULED)
        : draft;
  }

  static ArticleDraft withStatus(ArticleDraft d, ArticleStatus status) {
    return new ArticleDraft(
        d.slug(),
        d.kicker(),
        d.headline(),
        d.standfirst(),
        d.body(),
        d.sectionName(),
        d.tags(),
        d.authorNames(),
        status,
        d.publishedAt(),
        d.updatedAt(),
        d.leadImageId(),
        d.figureImageIds(),
        d.sourcePath(),
        d.type(),
        d.dateline(),
        d.sources(),
        d.leadCaption(),
        d.leadAltText(),
        d.cardCrop(),
        d.cardAltText());
  }

  /** Every problem of the draft, its slug held by another article among them. */
  Map<String, String> problems(Transaction tx, Long id, ArticleDraft draft) {
    Map<String, String> problems = new LinkedHashMap<>(ArticleRules.problems(draft));
    if (!problems.containsKey("slug")) {
      Optional<Long> holder = store.idOf(tx, draft.slug());
      if (holder.isPresent() && !holder.get().equals(id)) {
        problems.put("slug", "slug \"" + draft.slug() + "\" is another article's");
      }
    }
    return problems;
  }
}
