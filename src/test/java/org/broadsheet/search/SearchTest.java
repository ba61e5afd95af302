package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Readers find published articles by their words, best and newest first. */
class SearchTest {
  static final Instant NOW = Instant.now();

  /** A site whose searches are not limited, serving, with its index ready. */
  static TestSite site() {
    TestSite site = TestSite.open(Engine.SQLITE);
    site.application().settings().set("search.rate_per_minute", "100000");
    return site;
  }

  static long story(
      TestSite site,
      String slug,
      String headline,
      String body,
      String section,
      String author,
      ArticleStatus status,
      Instant publishedAt) {
    return site.application()
        .articles()
        .save(
            new ArticleDraft(
                slug,
                "",
                headline,
                "",
                body,
                section,
                List.of(),
                List.of(author),
                status,
                publishedAt,
                publishedAt,
                null,
                Map.of(),
                null));
  }

  static long published(TestSite site, String slug, String headline, String body, Instant at) {
    return story(site, slug, headline, body, "News", "Ada Quill", ArticleStatus.PUBLISHED, at);
  }

  /** Waits (at most 20 s) until the site's search answers from an index. */
  static void awaitIndex(TestSite site) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (site.get("/search?q=ready").statusCode() == 503 && System.nanoTime() < deadline) {
      sleep(50);
    }
    assertThat(site.get("/search?q=ready").statusCode()).isEqualTo(200);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Document search(TestSite site, String query) {
    HttpResponse<String> response = site.get("/search?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Jsoup.parse(response.body());
  }

  static String q(String words) {
    return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
  }

  /** The paths of the articles found, in order. */
  static List<String> found(TestSite site, String query) {
    return search(site, query).select(".search-hit h3 a").stream()
        .map(a -> a.attr("href"))
        .toList();
  }

  @Test
  void aHeadlineMatchBeatsABodyMatch() {
    try (TestSite site = site().serve()) {
      Instant day = NOW.minus(Duration.ofDays(3));
      published(site, "in-body", "Council meets", "The harbour wall will be repaired soon.", day);
      published(site, "in-headline", "Harbour wall repaired", "Work ends on schedule.", day);
      awaitIndex(site);
      assertThat(found(site, q("harbour")))
          .containsExactly("/articles/in-headline", "/articles/in-body");
    }
  }

  @Test
  void theNewerOfTwoEquallyRelevantArticlesComesFirst() {
    try (TestSite site = site().serve()) {
      published(
          site, "old", "Ferry timetable", "Ferries run late.", NOW.minus(Duration.ofDays(400)));
      published(site, "new", "Ferry timetable", "Ferries run late.", NOW.minus(Duration.ofDays(1)));
      awaitIndex(site);
      assertThat(found(site, q("ferry timetable")))
          .containsExactly("/articles/new", "/articles/old");
    }
  }

  @Test
  void matchedWordsAreMarkedAndTheRestEscaped() {
    try (TestSite site = site().serve()) {
      published(
          site,
          "flood",
          "Flood <defences> & barriers",
          "Residents said the `<script>alert(1)</script>` flooding was the worst in years.",
          NOW.minus(Duration.ofDays(1)));
      awaitIndex(site);
      String html = site.get("/search?" + q("flooding")).body();
      Element hit = Jsoup.parse(html).selectFirst(".search-hit");
      assertThat(hit).isNotNull();
      // Stemming: "flooding" finds "Flood" in the headline too.
      assertThat(hit.select("h3 mark").text()).isEqualTo("Flood");
      assertThat(hit.select("h3").text()).isEqualTo("Flood <defences> & barriers");
      assertThat(hit.select(".search-snippet mark").eachText()).contains("flooding");
      assertThat(hit.select("script")).isEmpty();
      assertThat(html).doesNotContain("<script>", "<defences>").contains("&lt;script&gt;");
    }
  }

  @Test
  void searchesNarrowBySectionAuthorAndDate() {
    try (TestSite site = site().serve()) {
      story(
          site,
          "a",
          "Bridge opens",
          "x",
          "World",
          "Ada Quill",
          ArticleStatus.PUBLISHED,
          Instant.parse("2026-01-10T12:00:00Z"));
      story(
          site,
          "b",
          "Bridge closes",
          "x",
          "Business",
          "Ben Marsh",
          ArticleStatus.PUBLISHED,
          Instant.parse("2026-03-10T12:00:00Z"));
      story(
          site,
          "c",
          "Bridge repaired",
          "x",
          "World",
          "Ben Marsh",
          ArticleStatus.PUBLISHED,
          Instant.parse("2026-05-10T12:00:00Z"));
      awaitIndex(site);
      assertThat(found(site, q("bridge"))).hasSize(3);
      assertThat(found(site, q("bridge") + "&section=world"))
          .containsExactlyInAnyOrder("/articles/a", "/articles/c");
      assertThat(found(site, q("bridge") + "&author=ben-marsh"))
          .containsExactlyInAnyOrder("/articles/b", "/articles/c");
      assertThat(found(site, q("bridge") + "&from=2026-02-01&to=2026-03-10"))
          .containsExactly("/articles/b");
      assertThat(found(site, q("bridge") + "&section=world&author=ben-marsh&to=2026-05-10"))
          .containsExactly("/articles/c");
      HttpResponse<String> badDate = site.get("/search?" + q("bridge") + "&from=yesterday");
      assertThat(badDate.statusCode()).isEqualTo(422);
      assertThat(Jsoup.parse(badDate.body()).select("#search-from").attr("aria-invalid"))
          .isEqualTo("true");
    }
  }

  @Test
  void resultsComeInPages() {
    try (TestSite site = site()) {
      site.application().settings().set("site.page_size", "3");
      site.serve();
      for (int i = 0; i < 7; i++) {
        published(site, "quay-" + i, "Quay story " + i, "x", NOW.minus(Duration.ofDays(i)));
      }
      awaitIndex(site);
      Document first = search(site, q("quay"));
      assertThat(first.select(".search-count").text()).isEqualTo("7 articles found");
      assertThat(first.select(".search-hit")).hasSize(3);
      assertThat(first.select(".pagination").text()).contains("Page 1 of 3");
      String next = first.select(".pagination a[rel=next]").attr("href");
      assertThat(next).isEqualTo("/search?q=quay&page=2");
      List<String> all = new java.util.ArrayList<>(found(site, q("quay")));
      all.addAll(found(site, q("quay") + "&page=2"));
      all.addAll(found(site, q("quay") + "&page=3"));
      assertThat(all).doesNotHaveDuplicates().hasSize(7).first().isEqualTo("/articles/quay-0");
    }
  }

  @Test
  void aMisspelledSearchIsOfferedTheWordTheEditionUses() {
    try (TestSite site = site().withDemo().serve()) {
      awaitIndex(site);
      Document page = search(site, q("evacuaton"));
      assertThat(page.select(".search-count").text()).isEqualTo("No articles found");
      Element suggestion = page.selectFirst(".search-suggestion a");
      assertThat(suggestion).isNotNull();
      assertThat(suggestion.text()).isEqualTo("evacuation");
      assertThat(found(site, suggestion.attr("href").substring("/search?".length()))).isNotEmpty();
    }
  }

  @Test
  void draftsAndScheduledArticlesAreNeverFoundNorSuggested() {
    try (TestSite site = site().serve()) {
      published(site, "seen", "Lighthouse keeper retires", "x", NOW.minus(Duration.ofDays(1)));
      story(
          site,
          "draft",
          "Zanzibarian spices",
          "secret",
          "News",
          "Ada Quill",
          ArticleStatus.DRAFT,
          NOW.minus(Duration.ofDays(1)));
      story(
          site,
          "later",
          "Quixotical lighthouse plan",
          "embargoed",
          "News",
          "Ada Quill",
          ArticleStatus.PUBLISHED,
          NOW.plus(Duration.ofDays(1)));
      awaitIndex(site);
      assertThat(found(site, q("zanzibarian"))).isEmpty();
      assertThat(found(site, q("quixotical"))).isEmpty();
      assertThat(found(site, q("lighthouse"))).containsExactly("/articles/seen");
      assertThat(search(site, q("zanzibarin")).select(".search-suggestion")).isEmpty();
      assertThat(search(site, q("quixotcal")).select(".search-suggestion")).isEmpty();
    }
  }

  @Test
  void theIndexFollowsPublishingEditingAndUnpublishing() {
    try (TestSite site = site().serve()) {
      awaitIndex(site);
      assertThat(found(site, q("regatta"))).isEmpty();
      published(site, "regatta", "Regatta postponed", "Wind.", NOW.minusSeconds(60));
      assertThat(found(site, q("regatta"))).containsExactly("/articles/regatta");
      published(site, "regatta", "Boat race postponed", "Wind.", NOW.minusSeconds(60));
      assertThat(found(site, q("regatta"))).isEmpty();
      assertThat(found(site, q("boat race"))).containsExactly("/articles/regatta");
      story(
          site,
          "regatta",
          "Boat race postponed",
          "Wind.",
          "News",
          "Ada Quill",
          ArticleStatus.DRAFT,
          NOW.minusSeconds(60));
      assertThat(found(site, q("boat race"))).isEmpty();
    }
  }

  @Test
  void aScheduledArticleIsFoundWhenItsTimeComes() {
    // The site's clock is moved past the time once the article is checked unfound: a time a few
    // real seconds away could pass while a slow machine is still indexing it.
    org.broadsheet.testing.MovingClock clock = new org.broadsheet.testing.MovingClock();
    try (TestSite site = TestSite.open(Engine.SQLITE, clock).serve()) {
      site.application().settings().set("search.rate_per_minute", "100000");
      awaitIndex(site);
      story(
          site,
          "soon",
          "Comet visible tonight",
          "x",
          "News",
          "Ada Quill",
          ArticleStatus.PUBLISHED,
          clock.instant().plus(Duration.ofHours(1)));
      assertThat(found(site, q("comet"))).isEmpty();
      clock.advance(Duration.ofHours(2));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (found(site, q("comet")).isEmpty() && System.nanoTime() < deadline) {
        sleep(200);
      }
      assertThat(found(site, q("comet"))).containsExactly("/articles/soon");
    }
  }

  @Test
  void searchPagesAreNeverCachedAndEveryPageHasTheSearchBox() {
    try (TestSite site = site().withDemo().serve()) {
      awaitIndex(site);
      HttpResponse<String> response = site.get("/search?" + q("flood"));
      assertThat(response.headers().firstValue("cache-control")).hasValue("private, no-store");
      assertThat(response.headers().firstValue("x-cache")).isEmpty();
      for (String path :
          List.of(
              "/",
              "/section/world",
              "/articles/lower-quay-evacuation-agreement",
              "/search",
              "/no/such/page")) {
        Element box = Jsoup.parse(site.get(path).body()).selectFirst("header form[role=search]");
        assertThat(box).as(path).isNotNull();
        assertThat(box.attr("action")).isEqualTo("/search");
        assertThat(box.attr("method")).isEqualTo("get");
        assertThat(box.select("label[for=site-search-q]").text()).isEqualTo("Search");
        assertThat(box.select("input#site-search-q").attr("name")).isEqualTo("q");
      }
    }
  }

  @Test
  void whateverIsTypedIsSearchedSafely() {
    try (TestSite site = site().serve()) {
      published(site, "storm", "Storm closes bridge", "x", NOW.minusSeconds(60));
      awaitIndex(site);
      for (String typed :
          List.of("*", "storm*", "((((", "\"", "\\", "-", "|", "~", "storm~2", "<b>storm</b>")) {
        HttpResponse<String> response = site.get("/search?" + q(typed));
        assertThat(response.statusCode()).as(typed).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).select("#search-q").attr("value"))
            .as(typed)
            .isEqualTo(typed);
      }
      // A lone * is not "every article".
      assertThat(found(site, q("*"))).isEmpty();
      assertThat(found(site, q("storm -bridge"))).isEmpty();
      assertThat(found(site, q("\"storm closes\""))).containsExactly("/articles/storm");
      assertThat(found(site, q("ferry | storm"))).containsExactly("/articles/storm");
      assertThat(site.get("/search?" + q("x".repeat(5000))).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void tooManySearchesFromOneAddressAreRefusedForAWhile() {
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      site.application().settings().set("search.rate_per_minute", "3");
      site.serve();
      for (int i = 0; i < 3; i++) {
        assertThat(site.get("/search?" + q("tide " + i)).statusCode()).isNotEqualTo(429);
      }
      HttpResponse<String> refused = site.get("/search?" + q("tide"));
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("retry-after"))
          .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
      assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text())
          .contains("Too many searches", "Please wait");
      // Other pages are not limited.
      assertThat(site.get("/").statusCode()).isEqualTo(200);
    }
  }
}
