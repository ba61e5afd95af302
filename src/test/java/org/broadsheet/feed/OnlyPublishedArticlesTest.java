package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.MovingClock;
import org.broadsheet.testing.Stories;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;

/**
 * A draft and an article scheduled for later are in no feed and no sitemap; each appears in all of
 * them on the first request after it is published or its time comes, and leaves them all when it is
 * unpublished, cached or not.
 */
class OnlyPublishedArticlesTest {
  private static final String DRAFT = "/articles/draft-harbour-plan";
  private static final String SCHEDULED = "/articles/scheduled-tide-report";

  private static List<String> surfaces(Instant month) {
    String monthly = "/sitemaps/articles-" + month.toString().substring(0, 7) + ".xml";
    List<String> paths = new ArrayList<>();
    for (String folder : List.of("", "/section/science", "/tag/tidewatch", "/author/ina-holm")) {
      for (String file : List.of("/feed.xml", "/feed.atom", "/feed.json")) {
        paths.add(folder + file);
      }
    }
    paths.addAll(List.of(monthly, "/sitemaps/news.xml"));
    return paths;
  }

  private static void warm(TestSite site, List<String> paths) {
    for (String path : paths) {
      site.get(path);
    }
  }

  private static void assertEverywhere(TestSite site, List<String> paths, String article) {
    for (String path : paths) {
      assertThat(site.get(path).body()).as(path).contains(article);
    }
    assertThat(site.get("/sitemaps/tags.xml").body()).contains("/tag/tidewatch");
    assertThat(site.get("/sitemaps/authors.xml").body()).contains("/author/ina-holm");
  }

  private static void assertNowhere(TestSite site, List<String> paths, String article) {
    for (String path : paths) {
      var response = site.get(path);
      // A sitemap left with no URL is not there at all.
      if (response.statusCode() != 404) {
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).doesNotContain(article);
      }
    }
  }

  @Test
  void draftsAndScheduledArticlesAppearOnlyOncePublishedAndDue() throws Exception {
    // The site's clock, moved past the scheduled time once everything before it is checked: a
    // time a few real seconds away could pass while a slow machine is still checking.
    MovingClock clock = new MovingClock();
    try (TestSite site = TestSite.open(Engine.SQLITE, clock).withDemo().serve()) {
      Instant hourAgo = clock.instant().minus(1, ChronoUnit.HOURS);
      List<String> paths = surfaces(hourAgo);
      Stories.file(
          site,
          "draft-harbour-plan",
          "Draft Harbour Plan",
          "Science",
          List.of("Tidewatch"),
          "Ina Holm",
          ArticleStatus.DRAFT,
          hourAgo);
      Instant due = clock.instant().plus(1, ChronoUnit.HOURS);
      Stories.file(
          site,
          "scheduled-tide-report",
          "Scheduled Tide Report",
          "Science",
          List.of("Tidewatch"),
          "Ina Holm",
          ArticleStatus.PUBLISHED,
          due);
      warm(site, paths);
      assertNowhere(site, paths, DRAFT);
      assertNowhere(site, paths, SCHEDULED);
      for (String listing : List.of("/sitemaps/tags.xml", "/sitemaps/authors.xml")) {
        assertThat(site.get(listing).body()).doesNotContain("tidewatch", "ina-holm");
      }

      Stories.file(
          site,
          "draft-harbour-plan",
          "Draft Harbour Plan",
          "Science",
          List.of("Tidewatch"),
          "Ina Holm",
          ArticleStatus.PUBLISHED,
          hourAgo);
      assertEverywhere(site, paths, DRAFT);
      assertNowhere(site, paths, SCHEDULED);

      warm(site, surfaces(due));
      clock.advance(Duration.ofHours(2));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!site.get("/feed.xml").body().contains(SCHEDULED) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertEverywhere(site, surfaces(due), SCHEDULED);

      Stories.file(
          site,
          "draft-harbour-plan",
          "Draft Harbour Plan",
          "Science",
          List.of("Tidewatch"),
          "Ina Holm",
          ArticleStatus.DRAFT,
          hourAgo);
      assertNowhere(site, paths, DRAFT);
    }
  }
}
