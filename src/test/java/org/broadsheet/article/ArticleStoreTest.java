package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The article stores, through the article service, on SQLite and PostgreSQL. */
class ArticleStoreTest {
  private static ArticleDraft draft(
      String slug, String section, Instant published, ArticleStatus status) {
    return new ArticleDraft(
        slug,
        "Kicker",
        "Headline of " + slug,
        "Standfirst",
        "Body of " + slug,
        section,
        List.of("Harbour", "Council"),
        List.of("Ada Quill", "Ben Marsh"),
        status,
        published,
        published,
        null,
        Map.of(),
        null);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void savedArticleReadsBackWithAuthorsTagsAndSection(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService store = new ArticleService(database);
      Instant published = Instant.parse("2026-11-20T08:30:00Z");
      store.save(draft("harbour-vote", "City Hall", published, ArticleStatus.PUBLISHED));

      Article article = store.published("harbour-vote").orElseThrow();
      assertThat(article.headline()).isEqualTo("Headline of harbour-vote");
      assertThat(article.section().slug()).isEqualTo("city-hall");
      assertThat(article.authors())
          .extracting(Author::name)
          .containsExactly("Ada Quill", "Ben Marsh");
      assertThat(article.tags()).extracting(Tag::slug).containsExactly("council", "harbour");
      assertThat(article.publishedAt()).isEqualTo(published);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void savingTheSameSlugAgainUpdatesInsteadOfDuplicating(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService store = new ArticleService(database);
      Instant published = Instant.parse("2026-11-20T08:30:00Z");
      long first = store.save(draft("harbour-vote", "News", published, ArticleStatus.PUBLISHED));
      ArticleDraft changed =
          new ArticleDraft(
              "harbour-vote",
              "New kicker",
              "New headline",
              "",
              "New body",
              "News",
              List.of("Ferries"),
              List.of("Ben Marsh"),
              ArticleStatus.PUBLISHED,
              published,
              published.plusSeconds(3600),
              null,
              Map.of(),
              null);
      long second = store.save(changed);

      assertThat(second).isEqualTo(first);
      assertThat(store.latest(1, 10).articles()).hasSize(1);
      Article article = store.published("harbour-vote").orElseThrow();
      assertThat(article.headline()).isEqualTo("New headline");
      assertThat(article.authors()).extracting(Author::name).containsExactly("Ben Marsh");
      assertThat(article.tags()).extracting(Tag::name).containsExactly("Ferries");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void listingsShowOnlyPublishedArticlesNewestFirstAndFilterBySectionTagAndAuthor(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService store = new ArticleService(database);
      Instant base = Instant.parse("2026-11-01T08:00:00Z");
      for (int i = 0; i < 5; i++) {
        store.save(
            draft(
                "story-" + i,
                i % 2 == 0 ? "World" : "Culture",
                base.plusSeconds(i * 3600L),
                ArticleStatus.PUBLISHED));
      }
      store.save(draft("unfinished", "World", base.plusSeconds(99_999), ArticleStatus.DRAFT));
      store.save(
          draft("tomorrow", "World", Instant.now().plusSeconds(86_400), ArticleStatus.PUBLISHED));

      assertThat(store.latest(1, 10).articles())
          .extracting(ArticleSummary::slug)
          .containsExactly("story-4", "story-3", "story-2", "story-1", "story-0");
      Section world = store.section("world").orElseThrow();
      assertThat(store.inSection(world, 1, 10).articles())
          .extracting(ArticleSummary::slug)
          .containsExactly("story-4", "story-2", "story-0");
      assertThat(store.latest(2, 2).articles())
          .extracting(ArticleSummary::slug)
          .containsExactly("story-2", "story-1");
      Tag harbour = store.tag("harbour").orElseThrow();
      assertThat(store.tagged(harbour, 1, 10).articles()).hasSize(5);
      Author ada = store.author("ada-quill").orElseThrow();
      assertThat(store.byAuthor(ada, 1, 1).articles().getFirst().authors())
          .extracting(Author::name)
          .containsExactly("Ada Quill", "Ben Marsh");
      assertThat(store.published("unfinished")).isEmpty();
      assertThat(store.any("unfinished")).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailedSaveWritesNothing(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService store = new ArticleService(database);
      ArticleDraft broken =
          new ArticleDraft(
              "broken",
              "",
              "Headline",
              "",
              "Body",
              "News",
              List.of("Tag"),
              List.of("Ada Quill"),
              ArticleStatus.PUBLISHED,
              Instant.now(),
              Instant.now(),
              999_999L,
              Map.of(),
              null);
      assertThatThrownBy(() -> store.save(broken)).isInstanceOf(RuntimeException.class);
      assertThat(store.exists("broken")).isFalse();
      assertThat(store.sections()).isEmpty();
      assertThat(store.author("ada-quill")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRenamedArticleKeepsItsOldSlugsUntilAnotherArticleTakesOne(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database);
      Instant published = Instant.parse("2026-11-20T08:30:00Z");
      ArticleDraft first = draft("harbour-vote", "News", published, ArticleStatus.PUBLISHED);
      long id = ((ArticleService.SaveOutcome.Saved) articles.create(first, Actor.IMPORT)).id();

      assertThat(articles.update(id, 1, withSlug(first, "harbour-vote-second-round"), Actor.IMPORT))
          .isEqualTo(new ArticleService.SaveOutcome.Saved(id, 2));
      assertThat(articles.update(id, 2, withSlug(first, "harbour-vote-decided"), Actor.IMPORT))
          .isEqualTo(new ArticleService.SaveOutcome.Saved(id, 3));

      assertThat(articles.published("harbour-vote")).isEmpty();
      assertThat(articles.published("harbour-vote-decided").orElseThrow().id()).isEqualTo(id);
      assertThat(articles.renamed("harbour-vote")).hasValue("/articles/harbour-vote-decided");
      assertThat(articles.renamed("harbour-vote-second-round"))
          .hasValue("/articles/harbour-vote-decided");
      assertThat(articles.latest(1, 10).articles()).hasSize(1);

      long other =
          ((ArticleService.SaveOutcome.Saved)
                  articles.create(
                      draft("harbour-vote", "News", published, ArticleStatus.PUBLISHED),
                      Actor.IMPORT))
              .id();
      assertThat(other).isNotEqualTo(id);
      assertThat(articles.renamed("harbour-vote")).isEmpty();
      assertThat(articles.published("harbour-vote").orElseThrow().id()).isEqualTo(other);

      // Renamed back, the article takes its old slug out of its history.
      articles.update(id, 3, withSlug(first, "harbour-vote-second-round"), Actor.IMPORT);
      assertThat(articles.renamed("harbour-vote-second-round")).isEmpty();
      assertThat(articles.renamed("harbour-vote-decided"))
          .hasValue("/articles/harbour-vote-second-round");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDraftBreakingTheRulesOrTakingAnotherArticlesSlugIsRefusedAndNothingChanges(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database);
      Instant published = Instant.parse("2026-11-20T08:30:00Z");
      ArticleDraft first = draft("harbour-vote", "News", published, ArticleStatus.PUBLISHED);
      long id = ((ArticleService.SaveOutcome.Saved) articles.create(first, Actor.IMPORT)).id();
      articles.create(
          draft("ferry-strike", "News", published, ArticleStatus.PUBLISHED), Actor.IMPORT);

      assertThat(articles.update(id, 1, withSlug(first, "ferry-strike"), Actor.IMPORT))
          .isInstanceOfSatisfying(
              ArticleService.SaveOutcome.Refused.class,
              refused -> assertThat(refused.problems()).containsKey("slug"));
      assertThat(articles.update(id, 1, withSlug(first, "Not A Slug"), Actor.IMPORT))
          .isInstanceOfSatisfying(
              ArticleService.SaveOutcome.Refused.class,
              refused -> assertThat(refused.problems()).containsKey("slug"));
      ArticleDraft tooLong =
          new ArticleDraft(
              "harbour-vote",
              "",
              "x".repeat(ArticleRules.MAX_HEADLINE_CHARS + 1),
              "",
              "Body",
              "News",
              List.of(),
              List.of(),
              ArticleStatus.PUBLISHED,
              published,
              published.minusSeconds(1),
              null,
              Map.of(),
              null);
      assertThat(articles.update(id, 1, tooLong, Actor.IMPORT))
          .isInstanceOfSatisfying(
              ArticleService.SaveOutcome.Refused.class,
              refused -> assertThat(refused.problems()).containsKeys("headline", "updated"));
      assertThat(articles.update(999_999, 1, first, Actor.IMPORT))
          .isEqualTo(new ArticleService.SaveOutcome.NotFound(999_999));

      assertThat(articles.published("harbour-vote").orElseThrow().headline())
          .isEqualTo("Headline of harbour-vote");
      assertThat(articles.renamed("harbour-vote")).isEmpty();
    }
  }

  private static ArticleDraft withSlug(ArticleDraft draft, String slug) {
    return new ArticleDraft(
        slug,
        draft.kicker(),
        draft.headline(),
        draft.standfirst(),
        draft.body(),
        draft.sectionName(),
        draft.tags(),
        draft.authorNames(),
        draft.status(),
        draft.publishedAt(),
        draft.updatedAt(),
        draft.leadImageId(),
        draft.figureImageIds(),
        draft.sourcePath());
  }
}
