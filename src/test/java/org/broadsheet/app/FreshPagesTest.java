package org.broadsheet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.broadsheet.comment.CommentModeration;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.MovingClock;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Correctness is not traded for speed: after a change is acknowledged (a command returned, a post
 * was answered) the very next request of every page that shows it sees it, cached or not.
 */
class FreshPagesTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";
  private static final List<String> SHOWING_ITS_COUNT =
      List.of("/", "/section/world", "/tag/kestrelmouth", "/author/mirela-odsson");

  @TempDir Path folder;

  /**
   * Brings every page into the cache. A change made just before (an import from the command line)
   * may reach the site a moment later through PostgreSQL's notices and drop a page again, so each
   * page is asked for until it is answered from the cache.
   */
  private static void warm(TestSite site, List<String> paths) {
    for (String path : paths) {
      HttpResponse<String> again = site.get(path);
      for (int tries = 0; tries < 20 && again.headers().firstValue("x-cache").isEmpty(); tries++) {
        again = site.get(path);
      }
      for (int tries = 0;
          tries < 20 && !"HIT".equals(again.headers().firstValue("x-cache").orElse(""));
          tries++) {
        sleep();
        again = site.get(path);
      }
      assertThat(again.headers().firstValue("x-cache")).as("cached " + path).hasValue("HIT");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anApprovedCommentShowsOnTheNextRequestOfEveryPageThatShowsIt(Engine engine) {
    try (TestSite site = TestSite.open(engine).withDemo()) {
      site.application().settings().set("comments.min_fill_seconds", "0");
      site.serve();
      long held =
          CommentIdFrom.location(
              new Reader(site)
                  .comment(
                      ARTICLE,
                      Map.of(
                          "name",
                          "Fresh Reader",
                          "email",
                          "fresh@example.org",
                          "comment",
                          "Fresh words.")));
      List<String> pages = new java.util.ArrayList<>(SHOWING_ITS_COUNT);
      pages.addAll(List.of(ARTICLE, ARTICLE + "/comments.atom", "/comments.atom"));
      warm(site, pages);

      Cli.Run approve = Cli.run(site, "comments", "approve", Long.toString(held));
      assertThat(approve.exitCode()).isZero();

      assertThat(site.get(ARTICLE).body()).contains("Fresh words.", "56 comments");
      for (String path : SHOWING_ITS_COUNT) {
        assertThat(site.get(path).body()).as(path).contains("56 comments");
      }
      assertThat(site.get(ARTICLE + "/comments.atom").body()).contains("Fresh words.");
      assertThat(site.get("/comments.atom").body()).contains("Fresh words.");
    }
  }

  @Test
  void aCommentPostedThroughTheSiteShowsOnTheRedirectedPage() {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo()) {
      site.application().settings().set("comments.min_fill_seconds", "0");
      site.application().settings().set("comments.moderation", "none");
      site.serve();
      warm(site, List.of(ARTICLE, "/"));
      HttpResponse<String> posted =
          new Reader(site)
              .comment(
                  ARTICLE,
                  Map.of(
                      "name", "Quick", "email", "quick@example.org", "comment", "Seen at once."));
      assertThat(posted.statusCode()).isEqualTo(303);
      assertThat(site.get(ARTICLE).body()).contains("Seen at once.");
      assertThat(site.get("/").body()).contains("56 comments");
    }
  }

  private Path story(String slug, String title, String section) throws IOException {
    Path file = folder.resolve(slug + ".md");
    Files.writeString(
        file,
        """
        ---
        title: "%s"
        slug: %s
        section: %s
        tags: [Kestrelmouth]
        authors: [Mirela Odsson]
        date: 2026-11-25T23:00:00Z
        ---
        Body of %s.
        """
            .formatted(title, slug, section, slug));
    return file;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void editedAndNewlyPublishedArticlesShowOnTheNextRequest(Engine engine) throws IOException {
    try (TestSite site = TestSite.open(engine).withDemo().serve()) {
      Path file = story("late-edition", "Late Edition Headline", "World");
      assertThat(Cli.run(site, "import", "markdown", file.toString()).exitCode()).isZero();
      List<String> pages =
          List.of(
              "/",
              "/section/world",
              "/tag/kestrelmouth",
              "/author/mirela-odsson",
              "/articles/late-edition");
      warm(site, pages);
      for (String path : pages) {
        assertThat(site.get(path).body()).as(path).contains("Late Edition Headline");
      }

      Files.writeString(
          file, Files.readString(file).replace("Late Edition Headline", "Corrected Late Headline"));
      assertThat(Cli.run(site, "import", "markdown", file.toString()).exitCode()).isZero();
      for (String path : pages) {
        String body = site.get(path).body();
        assertThat(body)
            .as(path)
            .contains("Corrected Late Headline")
            .doesNotContain("Late Edition Headline");
      }

      Path fresh = story("brand-new", "Brand New Story", "Science");
      warm(site, List.of("/", "/section/science", "/tag/kestrelmouth"));
      assertThat(Cli.run(site, "import", "markdown", fresh.toString()).exitCode()).isZero();
      for (String path :
          List.of("/", "/section/science", "/tag/kestrelmouth", "/author/mirela-odsson")) {
        assertThat(site.get(path).body()).as(path).contains("Brand New Story");
      }
      assertThat(site.get("/articles/brand-new").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aScheduledArticleAppearsOnCachedListingsWhenItsTimeComes() throws Exception {
    // The site's clock is moved past the time once the pages are checked without the article: a
    // time a few real seconds away could pass while a slow machine is still warming them.
    MovingClock clock = new MovingClock();
    try (TestSite site = TestSite.open(Engine.SQLITE, clock).withDemo().serve()) {
      Path file = story("at-noon", "Scheduled For Later", "Science");
      String due = clock.instant().plus(java.time.Duration.ofHours(1)).toString();
      Files.writeString(file, Files.readString(file).replace("2026-11-25T23:00:00Z", due));
      assertThat(Cli.run(site, "import", "markdown", file.toString()).exitCode()).isZero();
      warm(site, List.of("/", "/section/science"));
      assertThat(site.get("/").body()).doesNotContain("Scheduled For Later");
      assertThat(site.get("/section/science").body()).doesNotContain("Scheduled For Later");
      clock.advance(java.time.Duration.ofHours(2));
      long deadline = System.nanoTime() + 15_000_000_000L;
      // Both pages are waited for: under load, warming them can straddle the due time, so one
      // may already show the article while the other waits for the clock watcher.
      while (!(site.get("/section/science").body().contains("Scheduled For Later")
              && site.get("/").body().contains("Scheduled For Later"))
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(site.get("/section/science").body()).contains("Scheduled For Later");
      assertThat(site.get("/").body()).contains("Scheduled For Later");
    }
  }

  @Test
  void conditionalRequestsAndCompressedVariantsMatchTheCurrentPage() throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      HttpResponse<byte[]> plain = site.getBytes(ARTICLE);
      String etag = plain.headers().firstValue("etag").orElseThrow();
      assertThat(plain.headers().firstValue("last-modified")).isPresent();
      assertThat(plain.headers().firstValue("cache-control"))
          .hasValueSatisfying(v -> assertThat(v).contains("s-maxage=", "stale-while-revalidate="));
      assertThat(plain.headers().firstValue("vary")).hasValue("Accept-Encoding");

      HttpResponse<byte[]> gzip = site.getBytes(ARTICLE, "Accept-Encoding", "gzip");
      assertThat(gzip.headers().firstValue("content-encoding")).hasValue("gzip");
      assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes())
          .isEqualTo(plain.body());
      assertThat(gzip.headers().firstValue("content-length"))
          .hasValue(Integer.toString(gzip.body().length));

      Brotli4jLoader.ensureAvailability();
      HttpResponse<byte[]> brotli = site.getBytes(ARTICLE, "Accept-Encoding", "gzip, deflate, br");
      assertThat(brotli.headers().firstValue("content-encoding")).hasValue("br");
      assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain.body());
      assertThat(brotli.body().length).isLessThan(gzip.body().length);
      assertThat(
              site.getBytes(ARTICLE, "Accept-Encoding", "br;q=0, gzip")
                  .headers()
                  .firstValue("content-encoding"))
          .hasValue("gzip");

      assertThat(site.getBytes(ARTICLE, "If-None-Match", etag).statusCode()).isEqualTo(304);
      String lastModified = plain.headers().firstValue("last-modified").orElseThrow();
      assertThat(site.getBytes(ARTICLE, "If-Modified-Since", lastModified).statusCode())
          .isEqualTo(304);

      site.application()
          .moderation()
          .decide(
              org.broadsheet.audit.Actor.commandLine(),
              CommentModeration.Decision.TRASH,
              List.of(1L));
      HttpResponse<byte[]> changed = site.getBytes(ARTICLE, "If-None-Match", etag);
      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(changed.headers().firstValue("etag")).isNotEqualTo(java.util.Optional.of(etag));
      assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("54 comments");

      HttpResponse<String> head =
          site.send(
              HttpRequest.newBuilder(URI.create(site.url(ARTICLE)))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(head.headers().firstValue("content-length"))
          .hasValue(Integer.toString(changed.body().length));
    }
  }

  @Test
  void aReaderWithHeldCommentsGetsTheirOwnPageNotTheCachedOne() {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo()) {
      site.application().settings().set("comments.min_fill_seconds", "0");
      site.serve();
      warm(site, List.of(ARTICLE));
      Reader writer = new Reader(site);
      writer.comment(
          ARTICLE,
          Map.of("name", "Held Reader", "email", "held@example.org", "comment", "Mine alone."));
      assertThat(Jsoup.parse(writer.get(ARTICLE).body()).text())
          .contains("Mine alone.", "awaiting moderation");
      assertThat(site.get(ARTICLE).body()).doesNotContain("Mine alone.");
    }
  }

  @Test
  void anotherNodeOnTheSamePostgresqlIsHeardOnItsNextRequests() throws Exception {
    try (TestSite first = TestSite.open(Engine.POSTGRESQL).withDemo().serve()) {
      Path otherData = Files.createTempDirectory("broadsheet-node-b");
      try (Application second =
          Application.open(
              Location.resolve(
                  otherData, first.application().location().databaseUrl(), Map.of()))) {
        warm(first, List.of(ARTICLE));
        second
            .moderation()
            .decide(
                org.broadsheet.audit.Actor.commandLine(),
                CommentModeration.Decision.TRASH,
                List.of(2L));
        // Well under a second on a quiet machine; five allowed on a loaded one.
        long deadline = System.nanoTime() + 5_000_000_000L;
        String body = first.get(ARTICLE).body();
        while (!body.contains("54 comments") && System.nanoTime() < deadline) {
          Thread.sleep(5);
          body = first.get(ARTICLE).body();
        }
        assertThat(body).contains("54 comments");
      }
    }
  }

  /** The comment id a post redirected to. */
  static final class CommentIdFrom {
    static long location(HttpResponse<String> response) {
      String location = response.headers().firstValue("location").orElseThrow();
      return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }
  }
}
