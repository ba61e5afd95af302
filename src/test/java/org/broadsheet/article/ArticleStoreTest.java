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
      ArticleStore store = new ArticleStore(database);
      Instant published = Instant.parse("2026-11-20T08:30:00Z");
      store.save(draft("harbour-vote", "City Hall", published, ArticleStatus.PUBLISHED));

      Article article = store.bySlug("harbour-vote", true).orElseThrow();
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
      ArticleStore store = new ArticleStore(database);
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
      assertThat(store.countPublished(ArticleStore.Filter.ALL)).isEqualTo(1);
      Article article = store.bySlug("harbour-vote", true).orElseThrow();
      assertThat(article.headline()).isEqualTo("New headline");
      assertThat(article.authors()).extracting(Author::name).containsExactly("Ben Marsh");
      assertThat(article.tags()).extracting(Tag::name).containsExactly("Ferries");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void listingsShowOnlyPublishedArticlesNewestFirstAndFilterBySectionTagAndAuthor(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleStore store = new ArticleStore(database);
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

      assertThat(store.published(ArticleStore.Filter.ALL, 0, 10))
          .extracting(ArticleSummary::slug)
          .containsExactly("story-4", "story-3", "story-2", "story-1", "story-0");
      Section world = store.section("world").orElseThrow();
      assertThat(store.published(ArticleStore.Filter.section(world.id()), 0, 10))
          .extracting(ArticleSummary::slug)
          .containsExactly("story-4", "story-2", "story-0");
      assertThat(store.published(ArticleStore.Filter.ALL, 2, 2))
          .extracting(ArticleSummary::slug)
          .containsExactly("story-2", "story-1");
      Tag harbour = store.tag("harbour").orElseThrow();
      assertThat(store.countPublished(ArticleStore.Filter.tag(harbour.id()))).isEqualTo(5);
      Author ada = store.author("ada-quill").orElseThrow();
      assertThat(store.published(ArticleStore.Filter.author(ada.id()), 0, 1).getFirst().authors())
          .extracting(Author::name)
          .containsExactly("Ada Quill", "Ben Marsh");
      assertThat(store.bySlug("unfinished", true)).isEmpty();
      assertThat(store.bySlug("unfinished", false)).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailedSaveWritesNothing(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleStore store = new ArticleStore(database);
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
}
