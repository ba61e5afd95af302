package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.broadsheet.storage.Transaction;

/**
 * Moving an article from one state to another in the caller's transaction, each move a new version
 * and revision, and publishing scheduled articles when their time comes. Whether the person may
 * make the move is the newsroom's rule, asked before.
 */
final class StateChanges {
  private final DeskStore desk;
  private final ArticleStore articles;
  private final Revisions revisions;
  private final Clock clock;

  StateChanges(DeskStore desk, ArticleStore articles, Revisions revisions, Clock clock) {
    this.desk = desk;
    this.articles = articles;
    this.revisions = revisions;
    this.clock = clock;
  }

  ArticleService.MoveOutcome move(
      Transaction tx, long id, ArticleStatus from, ArticleStatus to, Instant at, Actor actor) {
    Optional<DeskArticle> found = desk.byId(tx, id);
    if (found.isEmpty()) {
      return new ArticleService.MoveOutcome.NotFound(id);
    }
    DeskArticle article = found.get();
    if (article.status() != from) {
      return new ArticleService.MoveOutcome.Refused(
          "the article is "
              + article.status().label().toLowerCase(java.util.Locale.ROOT)
              + " now, no longer "
              + from.label().toLowerCase(java.util.Locale.ROOT)
              + "; nothing was changed");
    }
    if (to == from && to != ArticleStatus.SCHEDULED) {
      return new ArticleService.MoveOutcome.Refused(
          "the article is " + to.label().toLowerCase(java.util.Locale.ROOT) + " already");
    }
    Instant now = clock.instant();
    Instant published = article.publishedAt();
    Instant updated = article.updatedAt();
    if (to == ArticleStatus.SCHEDULED) {
      if (at == null) {
        return new ArticleService.MoveOutcome.Refused("scheduling needs the time to publish at");
      }
      if (!at.isAfter(now)) {
        return new ArticleService.MoveOutcome.Refused(
            "the time to publish at has passed; publish the article now instead");
      }
      published = at;
      updated = at;
    } else if (to == ArticleStatus.PUBLISHED
        && (from != ArticleStatus.UNPUBLISHED || published.isAfter(now))) {
      // A first publication is dated now; one published again keeps its first date.
      published = now;
      updated = now;
    }
    if (to == ArticleStatus.PUBLISHED || to == ArticleStatus.SCHEDULED) {
      Optional<String> unfit = picturesUnfit(tx, article.slug());
      if (unfit.isPresent()) {
        return new ArticleService.MoveOutcome.Refused(unfit.get());
      }
    }
    if (!desk.move(tx, id, from, to, published, updated)) {
      return new ArticleService.MoveOutcome.Refused(
          "the article changed while it was being moved; nothing was changed");
    }
    tx.record(ArticleService.TOPIC, Long.toString(id));
    revisions.keep(tx, id, actor, what(from, to, published));
    return new ArticleService.MoveOutcome.Moved(desk.byId(tx, id).orElseThrow(), from);
  }

  /**
   * The rule an import checks too ({@link PictureProblem}): an article goes to readers only when
   * each of its pictures, as the article shows it, has alt text and a credit.
   */
  private Optional<String> picturesUnfit(Transaction tx, String slug) {
    return PictureProblem.of(articles.bySlug(tx, slug, false).orElseThrow()).stream()
        .findFirst()
        .map(PictureProblem::message);
  }

  /** Scheduled articles whose time has come, each published in a transaction of its own. */
  List<Long> due(Transaction tx) {
    return desk.due(tx, clock.instant());
  }

  /** Publishes the article if it is still scheduled and due; false when another node did. */
  boolean publishIfDue(Transaction tx, long id) {
    Optional<DeskArticle> found = desk.byId(tx, id);
    if (found.isEmpty()
        || found.get().status() != ArticleStatus.SCHEDULED
        || found.get().publishedAt().isAfter(clock.instant())) {
      return false;
    }
    DeskArticle article = found.get();
    if (!desk.move(
        tx,
        id,
        ArticleStatus.SCHEDULED,
        ArticleStatus.PUBLISHED,
        article.publishedAt(),
        article.updatedAt())) {
      return false;
    }
    tx.record(ArticleService.TOPIC, Long.toString(id));
    revisions.keep(tx, id, Actor.SCHEDULE, "published on schedule");
    return true;
  }

  int scheduleFutureOnes(Transaction tx) {
    return desk.scheduleFutureOnes(tx, clock.instant());
  }

  private static String what(ArticleStatus from, ArticleStatus to, Instant published) {
    return switch (to) {
      case DRAFT ->
          switch (from) {
            case TRASH -> "restored from the trash";
            case IN_REVIEW -> "withdrawn from review";
            default -> "returned to draft";
          };
      case IN_REVIEW -> "submitted for review";
      case SCHEDULED -> "scheduled for " + published;
      case PUBLISHED -> from == ArticleStatus.UNPUBLISHED ? "published again" : "published";
      case UNPUBLISHED -> "unpublished";
      case TRASH -> "moved to the trash";
    };
  }
}
