package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The index lives on disk, survives restarts, is rebuilt when it is lost or damaged without taking
 * the site down, is rewritten by the reindex command, and follows publishing on every node.
 */
class SearchIndexTest {
  @TempDir Path folder;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asks until the answer passes (at most 20 s); returns the last answer. */
  private HttpResponse<String> await(
      int port, String path, Predicate<HttpResponse<String>> passes) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> response = get(port, path);
    while (!passes.test(response) && System.nanoTime() < deadline) {
      SearchTest.sleep(50);
      response = get(port, path);
    }
    return response;
  }

  private static List<String> hits(HttpResponse<String> response) {
    return Jsoup.parse(response.body()).select(".search-hit h3 a").eachAttr("href");
  }

  private static List<Path> generations(Path data) throws IOException {
    try (Stream<Path> list = Files.list(data.resolve("search-index"))) {
      return list.sorted().toList();
    }
  }

  private static void fill(Application site, int count) {
    for (int i = 0; i < count; i++) {
      save(site, i, "Tide table " + i);
    }
  }

  private static void save(Application site, int i, String headline) {
    site.articles()
        .save(
            new org.broadsheet.article.ArticleDraft(
                "tide-" + i,
                "",
                headline,
                "",
                "High water at the quay.",
                "News",
                List.of(),
                List.of("Ada Quill"),
                ArticleStatus.PUBLISHED,
                Instant.now().minusSeconds(3600 + i),
                Instant.now().minusSeconds(3600 + i),
                null,
                Map.of(),
                null));
  }

  /**
   * Starts the site, waits until its index is open, and answers what the start caught up with and a
   * search's hits.
   */
  private String startedCatchingUp(Location location, String query, List<String> hits) {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger searchLog = (Logger) LoggerFactory.getLogger(SearchService.class);
    logged.start();
    searchLog.addAppender(logged);
    try (Application site = Application.open(location)) {
      int port = site.serve("127.0.0.1", 0).port();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        List<String> opened;
        synchronized (logged) {
          opened =
              logged.list.stream()
                  .map(ILoggingEvent::getFormattedMessage)
                  .filter(line -> line.startsWith("Search index ") && line.contains(" open: "))
                  .toList();
        }
        if (!opened.isEmpty()) {
          hits.addAll(hits(await(port, query, r -> r.statusCode() == 200)));
          return opened.getFirst().replaceFirst(".* open: ", "");
        }
        SearchTest.sleep(20);
      }
      throw new AssertionError("the search index did not open within 20 s");
    } finally {
      searchLog.detachAppender(logged);
    }
  }

  @Test
  void aRestartReadsAgainOnlyTheArticlesChangedWhileTheSiteWasStopped() {
    Location location = Location.resolve(folder, null, Map.of());
    try (Application site = Application.open(location)) {
      fill(site, 3);
      int port = site.serve("127.0.0.1", 0).port();
      assertThat(hits(await(port, "/search?q=tide+2", r -> r.statusCode() == 200)))
          .containsExactly("/articles/tide-2");
    }

    // Nothing changed: nothing is indexed again (SQLite's ids follow commit order, so no margin).
    List<String> found = new java.util.ArrayList<>();
    assertThat(startedCatchingUp(location, "/search?q=tide", found))
        .isEqualTo("3 articles, 0 caught up");
    assertThat(found).hasSize(3);

    // One article changed while the site was stopped: that one, and only it, is read again.
    try (Application site = Application.open(location)) {
      save(site, 1, "Storm surge table");
    }
    found.clear();
    assertThat(startedCatchingUp(location, "/search?q=surge", found))
        .isEqualTo("3 articles, 1 caught up");
    assertThat(found).containsExactly("/articles/tide-1");
  }

  @Test
  void aLostOrDamagedIndexIsRebuiltInTheBackgroundWhileTheSiteServes() throws IOException {
    Location location = Location.resolve(folder, null, Map.of());
    try (Application site = Application.open(location)) {
      site.settings().set("search.rate_per_minute", "100000");
      fill(site, 1500);
      int port = site.serve("127.0.0.1", 0).port();
      assertThat(hits(await(port, "/search?q=tide+1499", r -> r.statusCode() == 200)))
          .containsExactly("/articles/tide-1499");
    }
    assertThat(generations(folder)).hasSize(1);

    // Restarted with the index on disk: searches work at once.
    try (Application site = Application.open(location)) {
      int port = site.serve("127.0.0.1", 0).port();
      assertThat(hits(await(port, "/search?q=tide+7", r -> r.statusCode() == 200)))
          .containsExactly("/articles/tide-7");
    }

    // Lost: the site serves at once and says the index is being rebuilt until it is.
    org.broadsheet.testing.TestPostgres.deleteTree(folder.resolve("search-index"));
    try (Application site = Application.open(location)) {
      int port = site.serve("127.0.0.1", 0).port();
      HttpResponse<String> meanwhile = get(port, "/search?q=tide+7");
      assertThat(get(port, "/").statusCode()).isEqualTo(200);
      assertThat(meanwhile.statusCode()).isEqualTo(503);
      assertThat(meanwhile.headers().firstValue("retry-after")).isPresent();
      assertThat(meanwhile.headers().firstValue("cache-control")).hasValue("private, no-store");
      assertThat(Jsoup.parse(meanwhile.body()).select("[role=status]").text())
          .contains("The search index is being rebuilt");
      assertThat(hits(await(port, "/search?q=tide+7", r -> r.statusCode() == 200)))
          .containsExactly("/articles/tide-7");
    }

    // Damaged: every file of the index overwritten.
    for (Path generation : generations(folder)) {
      try (Stream<Path> files = Files.list(generation)) {
        for (Path file : files.toList()) {
          Files.write(file, "not an index".getBytes());
        }
      }
    }
    try (Application site = Application.open(location)) {
      int port = site.serve("127.0.0.1", 0).port();
      assertThat(get(port, "/").statusCode()).isEqualTo(200);
      assertThat(hits(await(port, "/search?q=tide+7", r -> r.statusCode() == 200)))
          .containsExactly("/articles/tide-7");
    }
    assertThat(generations(folder)).hasSize(1);
  }

  @Test
  void theReindexCommandWritesANewIndexTheRunningSiteSwitchesTo() throws IOException {
    try (TestSite site = SearchTest.site().withDemo().serve()) {
      SearchTest.awaitIndex(site);
      Path before = generations(site.dataFolder()).getFirst();

      Cli.Run run = Cli.run(site, "search", "reindex");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("Indexed 14 articles", "the running site switches to it");

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (Files.exists(before) && System.nanoTime() < deadline) {
        SearchTest.sleep(50);
      }
      assertThat(generations(site.dataFolder())).hasSize(1).doesNotContain(before);
      assertThat(SearchTest.found(site, "q=evacuation")).isNotEmpty();
      // The new index follows publishing as the old one did.
      SearchTest.published(site, "late", "Lantern festival", "x", Instant.now().minusSeconds(5));
      assertThat(SearchTest.found(site, "q=lantern")).containsExactly("/articles/late");
    }
  }

  @Test
  void theReindexCommandWorksWithoutARunningSiteAndRefusesAFolderWithoutOne() throws IOException {
    try (TestSite site = SearchTest.site().withDemo()) {
      Cli.Run first = Cli.run(site, "search", "reindex");
      assertThat(first.exitCode()).as(first.err()).isZero();
      Cli.Run second = Cli.run(site, "search", "reindex");
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out()).contains("Indexed 14 articles").doesNotContain("running site");
      assertThat(generations(site.dataFolder())).hasSize(1);
      site.serve();
      assertThat(SearchTest.found(site, "q=evacuation")).isNotEmpty();
    }
    Path empty = folder.resolve("nothing-here");
    Cli.Run refused = Cli.run("search", "reindex", "--data", empty.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("no site in");
    assertThat(empty).doesNotExist();
  }

  @Test
  void theIndexLanguageFollowsItsSettingAndAChangeRebuildsIt() {
    try (TestSite site = SearchTest.site()) {
      site.application().settings().set("search.language", "standard");
      site.serve();
      SearchTest.published(site, "floods", "Floods recede", "x", Instant.now().minusSeconds(60));
      SearchTest.awaitIndex(site);
      // No stemming: "flooding" is another word.
      assertThat(SearchTest.found(site, "q=floods")).containsExactly("/articles/floods");
      assertThat(SearchTest.found(site, "q=flooding")).isEmpty();

      Cli.Run set = Cli.run(site, "settings", "set", "search.language", "en");
      assertThat(set.exitCode()).as(set.err()).isZero();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (SearchTest.found(site, "q=flooding").isEmpty() && System.nanoTime() < deadline) {
        SearchTest.sleep(100);
      }
      assertThat(SearchTest.found(site, "q=flooding")).containsExactly("/articles/floods");
      assertThat(Cli.run(site, "settings", "set", "search.language", "klingon").exitCode())
          .isNotZero();
    }
  }

  @Test
  void everyNodeOnTheSamePostgresqlFollowsPublishing() throws IOException {
    try (TestSite first = TestSite.open(Engine.POSTGRESQL)) {
      first.application().settings().set("search.rate_per_minute", "100000");
      first.serve();
      Path otherData = Files.createTempDirectory("broadsheet-node-b");
      try (Application second =
          Application.open(
              Location.resolve(
                  otherData, first.application().location().databaseUrl(), Map.of()))) {
        int port = second.serve("127.0.0.1", 0).port();
        SearchTest.awaitIndex(first);
        assertThat(await(port, "/search?q=ready", r -> r.statusCode() == 200).statusCode())
            .isEqualTo(200);

        long id =
            SearchTest.published(first, "gale", "Gale warning", "x", Instant.now().minusSeconds(5));
        assertThat(SearchTest.found(first, "q=gale")).containsExactly("/articles/gale");
        assertThat(hits(await(port, "/search?q=gale", r -> !hits(r).isEmpty())))
            .containsExactly("/articles/gale");

        SearchTest.story(
            first,
            "gale",
            "Gale warning",
            "x",
            "News",
            "Ada Quill",
            ArticleStatus.DRAFT,
            Instant.now().minusSeconds(5));
        assertThat(SearchTest.found(first, "q=gale")).isEmpty();
        assertThat(hits(await(port, "/search?q=gale", r -> hits(r).isEmpty()))).isEmpty();
        assertThat(id).isPositive();
      } finally {
        org.broadsheet.testing.TestPostgres.deleteTree(otherData);
      }
    }
  }
}
