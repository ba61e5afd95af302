package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.MovingClock;
import org.broadsheet.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Versions and revisions: a save from an old version is refused with nothing changed, every save is
 * kept with who made it, two revisions compare field by field, and one can be brought back.
 */
class RevisionsTest {
  private static final Actor DESK = Actor.person(7, "desk@harbour.example");
  private static final Actor EDITOR = Actor.person(8, "editor@harbour.example");

  private static ArticleDraft draft(String headline, String body, Instant at) {
    return new ArticleDraft(
        "ferry-timetable",
        "",
        headline,
        "Standfirst of the timetable story.",
        body,
        "Coast",
        List.of("Ferries"),
        List.of("Tove Brenn"),
        ArticleStatus.DRAFT,
        at,
        at,
        null,
        Map.of(),
        null);
  }

  private static long saved(ArticleService.SaveOutcome outcome) {
    return ((ArticleService.SaveOutcome.Saved) outcome).id();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSaveFromAVersionSomeoneElseSavedOverIsRefusedAndChangesNothing(Engine engine) {
    MovingClock clock = new MovingClock();
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database, clock);
      Instant at = clock.instant();
      long id = saved(articles.create(draft("Ferry Timetable Changes", "First.", at), DESK));
      assertThat(articles.desk(id).orElseThrow().version()).isEqualTo(1);
      assertThat(articles.desk(id).orElseThrow().createdBy()).isEqualTo(7L);

      assertThat(articles.update(id, 1, draft("Winter Ferry Timetable", "First.", at), EDITOR))
          .isEqualTo(new ArticleService.SaveOutcome.Saved(id, 2));
      ArticleService.SaveOutcome late =
          articles.update(id, 1, draft("Ferry Times Change Again", "Other.", at), DESK);

      assertThat(late)
          .isInstanceOfSatisfying(
              ArticleService.SaveOutcome.Stale.class,
              stale -> {
                assertThat(stale.currentVersion()).isEqualTo(2);
                assertThat(stale.savedBy()).isEqualTo("editor@harbour.example");
                assertThat(stale.savedAt()).isEqualTo(clock.instant());
              });
      ArticleService.Editable stored = articles.editable(id).orElseThrow();
      assertThat(stored.version()).isEqualTo(2);
      assertThat(stored.draft().headline()).isEqualTo("Winter Ferry Timetable");
      assertThat(stored.draft().body()).isEqualTo("First.");
      assertThat(articles.revisions(id)).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everySaveIsKeptAndTwoRevisionsCompareFieldByFieldAndOneCanBeBroughtBack(Engine engine) {
    MovingClock clock = new MovingClock();
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database, clock);
      Instant at = clock.instant();
      String firstBody = "The ferry leaves at seven.\n\nIt returns at nine.\n\nTickets cost four.";
      String secondBody = "The ferry leaves at eight.\n\nIt returns at nine.\n\nTickets cost four.";
      long id = saved(articles.create(draft("Ferry Timetable Changes", firstBody, at), DESK));
      clock.advance(Duration.ofMinutes(5));
      articles.update(id, 1, draft("Winter Ferry Timetable", secondBody, at), EDITOR);
      clock.advance(Duration.ofMinutes(5));
      assertThat(articles.move(id, ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, DESK))
          .isInstanceOf(ArticleService.MoveOutcome.Moved.class);

      List<Revision> revisions = articles.revisions(id);
      assertThat(revisions)
          .extracting(Revision::version, Revision::actor, Revision::what)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  3L, "desk@harbour.example", "submitted for review"),
              org.assertj.core.groups.Tuple.tuple(2L, "editor@harbour.example", "edited"),
              org.assertj.core.groups.Tuple.tuple(1L, "desk@harbour.example", "created"));
      Revision created = revisions.get(2);
      assertThat(created.actorUserId()).isEqualTo(7L);
      assertThat(created.savedAt()).isEqualTo(at);
      assertThat(created.content().body()).isEqualTo(firstBody);
      assertThat(created.content().tags()).containsExactly("Ferries");
      assertThat(created.content().authorNames()).containsExactly("Tove Brenn");

      // Either order gives the older revision first.
      RevisionDiff diff = articles.diff(revisions.get(1).id(), created.id()).orElseThrow();
      assertThat(diff.from().version()).isEqualTo(1);
      assertThat(diff.changes())
          .extracting(RevisionDiff.FieldChange::field)
          .containsExactly("Headline", "Body");
      RevisionDiff.FieldChange headline = diff.changes().getFirst();
      assertThat(headline.before()).isEqualTo("Ferry Timetable Changes");
      assertThat(headline.after()).isEqualTo("Winter Ferry Timetable");
      assertThat(headline.lines()).isEmpty();
      assertThat(diff.changes().get(1).lines())
          .contains("-The ferry leaves at seven.", "+The ferry leaves at eight.", " ")
          .doesNotContain("-It returns at nine.", "+It returns at nine.");
      assertThat(
              articles.diff(revisions.get(0).id(), revisions.get(1).id()).orElseThrow().changes())
          .extracting(RevisionDiff.FieldChange::field)
          .containsExactly("Status");

      // Brought back as a new version; the article stays where it is in the workflow.
      assertThat(articles.restoreRevision(id, created.id(), 2, EDITOR))
          .isInstanceOf(ArticleService.SaveOutcome.Stale.class);
      assertThat(articles.restoreRevision(id, created.id(), 3, EDITOR))
          .isEqualTo(new ArticleService.SaveOutcome.Saved(id, 4));
      ArticleService.Editable restored = articles.editable(id).orElseThrow();
      assertThat(restored.draft().headline()).isEqualTo("Ferry Timetable Changes");
      assertThat(restored.draft().body()).isEqualTo(firstBody);
      assertThat(restored.draft().status()).isEqualTo(ArticleStatus.IN_REVIEW);
      assertThat(articles.revisions(id).getFirst().what()).isEqualTo("restored version 1");
      assertThat(articles.revisions(id).getFirst().actor()).isEqualTo("editor@harbour.example");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCorrectionAddedEditedOrWithdrawnLeavesATraceInTheArticlesRevisions(Engine engine) {
    MovingClock clock = new MovingClock();
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database, clock);
      CorrectionService corrections = new CorrectionService(database, clock);
      Instant at = clock.instant().minus(Duration.ofHours(1));
      ArticleDraft published =
          new ArticleDraft(
              "ferry-timetable",
              "",
              "Ferry Timetable Changes",
              "",
              "Body.",
              "Coast",
              List.of(),
              List.of("Tove Brenn"),
              ArticleStatus.PUBLISHED,
              at,
              at,
              null,
              Map.of(),
              null);
      long id = articles.save(published, Actor.IMPORT);
      Correction added =
          ((CorrectionService.Outcome.Done)
                  corrections.add(
                      "ferry-timetable",
                      Correction.Kind.CORRECTION,
                      "The ferry leaves at eight, not seven.",
                      Instant.parse("2026-11-20T10:00:00Z"),
                      DESK))
              .correction();
      clock.advance(Duration.ofMinutes(5));
      Correction withdrawn =
          ((CorrectionService.Outcome.Done)
                  corrections.withdraw(added.id(), "Seven was right after all.", EDITOR))
              .correction();
      assertThat(withdrawn.withdrawnAt()).isEqualTo(clock.instant());

      List<Revision> revisions = articles.revisions(id);
      // Stamped by the site's clock, as every other change to an article is.
      assertThat(revisions.get(0).savedAt()).isEqualTo(clock.instant());
      assertThat(revisions).extracting(Revision::version).containsExactly(3L, 2L, 1L);
      assertThat(revisions.get(1).corrections())
          .containsExactly("Correction, 2026-11-20: The ferry leaves at eight, not seven.");
      assertThat(revisions.get(1).what()).isEqualTo("correction added");
      assertThat(revisions.get(0).corrections()).isEmpty();
      assertThat(revisions.get(0).what())
          .isEqualTo("correction " + added.id() + " withdrawn: Seven was right after all.");
      assertThat(revisions.get(0).actor()).isEqualTo("editor@harbour.example");
      assertThat(
              articles.diff(revisions.get(0).id(), revisions.get(1).id()).orElseThrow().changes())
          .extracting(RevisionDiff.FieldChange::field)
          .contains("Corrections");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void movesCheckTheStateTheMoverSawAndPublishingScheduledArticlesFollowsTheClock(Engine engine) {
    MovingClock clock = new MovingClock();
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database, clock);
      Instant created = clock.instant().minus(Duration.ofDays(3));
      long id = saved(articles.create(draft("Ferry Timetable Changes", "Body.", created), DESK));

      assertThat(articles.move(id, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED, EDITOR))
          .isInstanceOfSatisfying(
              ArticleService.MoveOutcome.Refused.class,
              refused -> assertThat(refused.reason()).contains("draft now"));
      assertThat(
              articles.schedule(id, ArticleStatus.DRAFT, clock.instant().minusSeconds(1), EDITOR))
          .isInstanceOf(ArticleService.MoveOutcome.Refused.class);
      assertThat(articles.move(999_999, ArticleStatus.DRAFT, ArticleStatus.TRASH, EDITOR))
          .isEqualTo(new ArticleService.MoveOutcome.NotFound(999_999));
      assertThat(articles.desk(id).orElseThrow().version()).isEqualTo(1);

      Instant due = clock.instant().plus(Duration.ofHours(2));
      assertThat(articles.schedule(id, ArticleStatus.DRAFT, due, EDITOR))
          .isInstanceOf(ArticleService.MoveOutcome.Moved.class);
      assertThat(articles.publishDue()).isEmpty();
      assertThat(articles.published("ferry-timetable")).isEmpty();
      clock.advance(Duration.ofHours(3));
      assertThat(articles.publishDue())
          .extracting(DeskArticle::slug)
          .containsExactly("ferry-timetable");
      DeskArticle published = articles.desk(id).orElseThrow();
      assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
      assertThat(published.publishedAt()).isEqualTo(due);
      assertThat(articles.published("ferry-timetable")).isPresent();
      assertThat(articles.revisions(id).getFirst())
          .extracting(Revision::actor, Revision::what)
          .containsExactly("schedule", "published on schedule");
      assertThat(articles.publishDue()).isEmpty();

      // Unpublished, then published again: it keeps its first date.
      articles.move(id, ArticleStatus.PUBLISHED, ArticleStatus.UNPUBLISHED, EDITOR);
      assertThat(articles.published("ferry-timetable")).isEmpty();
      assertThat(articles.unpublished("ferry-timetable")).isTrue();
      clock.advance(Duration.ofHours(1));
      articles.move(id, ArticleStatus.UNPUBLISHED, ArticleStatus.PUBLISHED, EDITOR);
      assertThat(articles.desk(id).orElseThrow().publishedAt()).isEqualTo(due);

      // A draft published for the first time is dated now.
      long other =
          saved(
              articles.create(
                  new ArticleDraft(
                      "quay-repairs",
                      "",
                      "Quay Repairs Begin",
                      "",
                      "Body.",
                      "Coast",
                      List.of(),
                      List.of(),
                      ArticleStatus.DRAFT,
                      created,
                      created,
                      null,
                      Map.of(),
                      null),
                  DESK));
      articles.move(other, ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, EDITOR);
      assertThat(articles.desk(other).orElseThrow().publishedAt()).isEqualTo(clock.instant());

      // Trashed, it is restored as a draft.
      articles.move(other, ArticleStatus.PUBLISHED, ArticleStatus.TRASH, EDITOR);
      assertThat(articles.published("quay-repairs")).isEmpty();
      assertThat(articles.unpublished("quay-repairs")).isFalse();
      assertThat(articles.move(other, ArticleStatus.TRASH, ArticleStatus.DRAFT, EDITOR))
          .isInstanceOfSatisfying(
              ArticleService.MoveOutcome.Moved.class,
              moved -> assertThat(moved.article().status()).isEqualTo(ArticleStatus.DRAFT));
      assertThat(articles.desk(ArticleStatus.DRAFT, 10))
          .extracting(DeskArticle::slug)
          .containsExactly("quay-repairs");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPublishedArticleDatedInTheFutureIsStoredAsScheduled(Engine engine) {
    MovingClock clock = new MovingClock();
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database, clock);
      Instant later = clock.instant().plus(Duration.ofHours(1));
      ArticleDraft future =
          new ArticleDraft(
              "tide-tables",
              "",
              "Tide Tables for December",
              "",
              "Body.",
              "Coast",
              List.of(),
              List.of(),
              ArticleStatus.PUBLISHED,
              later,
              later,
              null,
              Map.of(),
              null);
      long id = articles.save(future, Actor.IMPORT);
      assertThat(articles.desk(id).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);

      // As a site stored before the workflow had it: published, dated later.
      database.useTransaction(
          tx -> tx.handle().execute("UPDATE article SET status = 'published' WHERE id = ?", id));
      assertThat(articles.keepSchedules()).isEqualTo(1);
      assertThat(articles.desk(id).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);
      assertThat(articles.editable(id).orElseThrow().draft().status())
          .isEqualTo(ArticleStatus.SCHEDULED);
    }
  }
}
