package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.MovingClock;
import org.broadsheet.testing.TestPostgres;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An embargo holds: a scheduled article is on no public surface before its time (its page, the
 * front page, listings, feeds, comment feeds, search, sitemaps, whatever the cache held) and on all
 * of them once the clock passes it, while the site runs or as it starts again. Unpublished, it
 * leaves them all at once.
 */
class ScheduledPublishingTest {
  private static final String SLUG = "lighthouse-keepers-return";
  private static final String PATH = "/articles/" + SLUG;
  private static final Actor DESK = Actor.person(3, "desk@harbour.example");

  @TempDir Path folder;

  private static ArticleDraft draft(
      String slug, String headline, ArticleStatus status, Instant at) {
    return new ArticleDraft(
        slug,
        "",
        headline,
        "What the keepers found.",
        "The keepers of the northern light came back to the headland this week.",
        "Coast",
        List.of("Lighthouses"),
        List.of("Tove Brenn"),
        status,
        at,
        at,
        null,
        Map.of(),
        null);
  }

  /** Every public page an article could be on, cached once before its time. */
  private static List<String> surfaces(Instant due) {
    List<String> paths = new ArrayList<>();
    for (String folder : List.of("", "/section/coast", "/tag/lighthouses", "/author/tove-brenn")) {
      paths.add(folder.isEmpty() ? "/" : folder);
      for (String file : List.of("/feed.xml", "/feed.atom", "/feed.json")) {
        paths.add(folder + file);
      }
    }
    paths.add("/comments.atom");
    paths.add("/sitemaps/articles-" + due.toString().substring(0, 7) + ".xml");
    paths.add("/sitemaps/news.xml");
    paths.add("/search?q=keepers");
    return paths;
  }

  private static void assertNowhere(TestSite site, List<String> paths) {
    assertThat(site.get(PATH).statusCode()).isIn(404, 410);
    assertThat(site.get(PATH + "/comments").statusCode()).isEqualTo(404);
    assertThat(site.get(PATH + "/comments.atom").statusCode()).isEqualTo(404);
    for (String path : paths) {
      HttpResponse<String> response = site.get(path);
      // A sitemap with no URL is not there at all.
      if (response.statusCode() != 404) {
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).doesNotContain(PATH);
      }
    }
  }

  private static void assertEverywhere(TestSite site, List<String> paths) {
    assertThat(site.get(PATH).statusCode()).isEqualTo(200);
    assertThat(site.get(PATH + "/comments.atom").statusCode()).isEqualTo(200);
    for (String path : paths) {
      if (!path.equals("/comments.atom")) {
        // The search index follows the change log on a thread of its own.
        assertThat(eventually(() -> site.get(path).body().contains(PATH))).as(path).isTrue();
      }
    }
  }

  private static boolean eventually(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Test
  void aScheduledArticleIsOnNoPublicSurfaceBeforeItsTimeAndOnAllOfThemAfter() {
    MovingClock clock = new MovingClock();
    try (TestSite site = TestSite.open(Engine.SQLITE, clock).serve()) {
      ArticleService articles = site.application().articles();
      Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
      articles.save(
          draft(
              "pilot-boat-keepers", "Pilot Boat Keepers Retire", ArticleStatus.PUBLISHED, hourAgo),
          Actor.IMPORT);
      long id =
          ((ArticleService.SaveOutcome.Saved)
                  articles.create(
                      draft(SLUG, "Lighthouse Keepers Return", ArticleStatus.DRAFT, hourAgo), DESK))
              .id();
      Instant due = clock.instant().plus(Duration.ofHours(1));
      assertThat(articles.schedule(id, ArticleStatus.DRAFT, due, DESK))
          .isInstanceOf(ArticleService.MoveOutcome.Moved.class);
      assertThat(
              eventually(
                  () -> site.get("/search?q=keepers").body().contains("/articles/pilot-boat")))
          .isTrue();

      List<String> paths = surfaces(due);
      // Asked twice, so that the cache holds each page.
      assertNowhere(site, paths);
      assertNowhere(site, paths);
      assertThat(articles.publishDue()).isEmpty();

      clock.advance(Duration.ofHours(2));
      assertThat(eventually(() -> site.get(PATH).statusCode() == 200)).isTrue();
      assertEverywhere(site, paths);
      DeskArticle published = articles.desk(id).orElseThrow();
      assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
      assertThat(published.publishedAt()).isEqualTo(due);
      assertThat(auditActions(site)).contains("schedule article.publish " + SLUG);

      assertThat(articles.move(id, ArticleStatus.PUBLISHED, ArticleStatus.UNPUBLISHED, DESK))
          .isInstanceOf(ArticleService.MoveOutcome.Moved.class);
      assertThat(site.get(PATH).statusCode()).isEqualTo(410);
      assertThat(site.get(PATH).body()).contains("No longer published");
      assertThat(eventually(() -> !site.get("/search?q=keepers").body().contains(PATH))).isTrue();
      assertNowhere(site, paths);
    }
  }

  @ParameterizedTest
  @MethodSource("org.broadsheet.testing.TestSite#engines")
  void anArticleThatCameDueWhileTheSiteWasStoppedIsPublishedAsItStarts(Engine engine)
      throws Exception {
    Path data = Files.createTempDirectory(folder, "data");
    String url =
        engine == Engine.POSTGRESQL ? TestPostgres.newDatabaseUrl() : Database.sqliteUrl(data);
    MovingClock clock = new MovingClock();
    Instant due = clock.instant().plus(Duration.ofMinutes(30));
    try (Application before = Application.open(Location.resolve(data, url, Map.of()), clock)) {
      ArticleService articles = before.articles();
      Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
      long id =
          ((ArticleService.SaveOutcome.Saved)
                  articles.create(
                      draft(SLUG, "Lighthouse Keepers Return", ArticleStatus.DRAFT, hourAgo), DESK))
              .id();
      articles.schedule(id, ArticleStatus.DRAFT, due, DESK);
    }

    clock.advance(Duration.ofHours(1));
    try (TestSite site = TestSite.at(data, url, clock).serve()) {
      // Published before the site answered its first request.
      assertThat(site.get(PATH).statusCode()).isEqualTo(200);
      DeskArticle article = site.application().articles().desk(SLUG).orElseThrow();
      assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
      assertThat(article.publishedAt()).isEqualTo(due);
      assertThat(site.get("/feed.xml").body()).contains(PATH);
    }
  }

  private static List<String> auditActions(TestSite site) {
    return site.application()
        .database()
        .read(
            tx ->
                tx.handle()
                    .createQuery("SELECT actor, action, subject FROM audit_event ORDER BY id")
                    .map(
                        (rs, ctx) ->
                            rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                    .list());
  }
}
