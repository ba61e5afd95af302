package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The newsroom's list of articles in every state, filtered and paged, and the search-engine fields
 * the editor stores beside an article, on both engines.
 */
class DeskListingTest {
  private static ArticleDraft draft(String slug, String headline, String section, String byline) {
    Instant at = Instant.now();
    return new ArticleDraft(
        slug,
        "",
        headline,
        "",
        "A body about " + headline.toLowerCase(java.util.Locale.ROOT) + ".",
        section,
        List.of(),
        List.of(byline),
        ArticleStatus.DRAFT,
        at,
        at,
        null,
        Map.of(),
        null);
  }

  private static long saved(ArticleService.SaveOutcome outcome) {
    assertThat(outcome).isInstanceOf(ArticleService.SaveOutcome.Saved.class);
    return ((ArticleService.SaveOutcome.Saved) outcome).id();
  }

  private static List<String> headlines(DeskListing listing) {
    return listing.entries().stream().map(DeskListing.Entry::headline).toList();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theDeskFiltersByStatusSectionBylineOwnerAndWordsTakenLiterally(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database);
      saved(
          articles.create(
              draft("quay", "Quay Repairs Begin", "Local", "Ada Quill"),
              Seo.NONE,
              true,
              Actor.IMPORT));
      saved(
          articles.create(
              draft("budget", "Budget Is 100% Spent", "Politics", "Ben Ode"),
              Seo.NONE,
              true,
              Actor.IMPORT));
      saved(
          articles.create(
              draft("budget-two", "Budget Is 1000 Spent", "Politics", "Ben Ode"),
              Seo.NONE,
              true,
              Actor.IMPORT));

      DeskListing.Query all = DeskListing.Query.of(null, 10);
      assertThat(articles.desk(all).total()).isEqualTo(3);
      assertThat(articles.desk(DeskListing.Query.of(ArticleStatus.PUBLISHED, 10)).total()).isZero();
      assertThat(
              headlines(
                  articles.desk(new DeskListing.Query(null, "politics", null, null, 1, 10, null))))
          .containsExactlyInAnyOrder("Budget Is 100% Spent", "Budget Is 1000 Spent");
      assertThat(
              headlines(
                  articles.desk(new DeskListing.Query(null, null, "ada-quill", null, 1, 10, null))))
          .containsExactly("Quay Repairs Begin");
      assertThat(
              headlines(
                  articles.desk(new DeskListing.Query(null, null, null, "100%", 1, 10, null))))
          .containsExactly("Budget Is 100% Spent");
      assertThat(
              articles.desk(new DeskListing.Query(null, null, null, "10_0", 1, 10, null)).total())
          .isZero();
      assertThat(
              headlines(
                  articles.desk(new DeskListing.Query(null, null, null, "QUAY", 1, 10, null))))
          .containsExactly("Quay Repairs Begin");
      assertThat(headlines(articles.desk(all.ownedBy(new DeskListing.Owner(99, "ben-ode")))))
          .hasSize(2);

      DeskListing first = articles.desk(new DeskListing.Query(null, null, null, null, 1, 2, null));
      DeskListing second = articles.desk(new DeskListing.Query(null, null, null, null, 2, 2, null));
      assertThat(first.pageCount()).isEqualTo(2);
      assertThat(first.entries()).hasSize(2);
      assertThat(second.entries()).hasSize(1);
      assertThat(first.entries().getFirst().authors()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void searchEngineFieldsAreStoredWithTheArticleOrNothingIs(Engine engine) {
    try (Database database = TestDatabases.fresh(engine)) {
      ArticleService articles = new ArticleService(database);
      long id =
          saved(
              articles.create(
                  draft("quay", "Quay Repairs Begin", "Local", "Ada Quill"),
                  new Seo("Quay repairs", "Work on the old quay starts in spring."),
                  false,
                  Actor.IMPORT));
      assertThat(articles.seo(id))
          .isEqualTo(new Seo("Quay repairs", "Work on the old quay starts in spring."));
      assertThat(articles.byId(id).orElseThrow().commentsOpen()).isFalse();

      ArticleService.SaveOutcome refused =
          articles.create(
              draft("harbour", "", "Local", "Ada Quill"),
              new Seo("t".repeat(Seo.MAX_TITLE_CHARS + 1), ""),
              true,
              Actor.IMPORT);
      assertThat(refused).isInstanceOf(ArticleService.SaveOutcome.Refused.class);
      assertThat(((ArticleService.SaveOutcome.Refused) refused).problems())
          .containsKeys("headline", "seo-title");
      assertThat(articles.exists("harbour")).isFalse();

      long version = articles.desk(id).orElseThrow().version();
      ArticleService.SaveOutcome stale =
          articles.update(
              id,
              version + 5,
              draft("quay", "Quay Repairs Begin Again", "Local", "Ada Quill"),
              new Seo("Other", ""),
              true,
              Actor.IMPORT);
      assertThat(stale).isInstanceOf(ArticleService.SaveOutcome.Stale.class);
      assertThat(articles.seo(id).title()).isEqualTo("Quay repairs");
      assertThat(articles.byId(id).orElseThrow().commentsOpen()).isFalse();
    }
  }
}
