package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers are told what kind of article they read, where it comes from and on what it rests. */
class ArticleTypesTest {
  @TempDir Path folder;
  private TestSite site;

  @BeforeEach
  void openSite() {
    site = TestSite.open(Engine.SQLITE).serve();
  }

  @AfterEach
  void closeSite() {
    site.close();
  }

  static String story(String slug, String type, String more) {
    return """
        ---
        title: "Story %s"
        slug: %s
        type: %s
        section: Politics
        date: 2026-11-20T08:30:00Z
        %s
        ---
        The council met on Tuesday.
        """
        .formatted(slug, slug, type, more);
  }

  private Cli.Run importFile(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return Cli.run(site, "import", "markdown", file.toString());
  }

  private Document page(String path) {
    var response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(response.body());
  }

  @Test
  void opinionAndSponsoredContentCarryABandOnTheArticleAndInListings() throws IOException {
    assertThat(importFile("a.md", story("view", "opinion", "")).exitCode()).isZero();
    assertThat(importFile("b.md", story("paid", "sponsored", "")).exitCode()).isZero();
    assertThat(importFile("c.md", story("plain", "news", "")).exitCode()).isZero();
    assertThat(importFile("d.md", story("why", "analysis", "")).exitCode()).isZero();

    assertThat(page("/articles/view").select(".article-header .type-band").text())
        .isEqualTo("Opinion");
    assertThat(page("/articles/paid").select(".article-header .type-band").text())
        .isEqualTo("Sponsored content");
    assertThat(page("/articles/plain").select(".article-header .type-label").text())
        .isEqualTo("News");
    Document listing = page("/section/politics");
    assertThat(listing.select(".summary .type-band").eachText())
        .containsExactlyInAnyOrder("Opinion", "Sponsored content");
    assertThat(listing.select(".summary .type-label").eachText()).containsExactly("Analysis");
    assertThat(site.application().articles().published("why").orElseThrow().type())
        .isEqualTo(ArticleType.ANALYSIS);
  }

  @Test
  void anArticleWithoutATypeIsNews() throws IOException {
    assertThat(
            importFile("a.md", story("plain", "news", "").replace("type: news\n", "")).exitCode())
        .isZero();
    assertThat(site.application().articles().published("plain").orElseThrow().type())
        .isEqualTo(ArticleType.NEWS);
  }

  @Test
  void anUnknownTypeIsRefusedWithItsLine() throws IOException {
    Cli.Run run = importFile("a.md", story("x", "gossip", ""));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("a.md:4:", "type \"gossip\" must be one of news, analysis");
  }

  @Test
  void datelineIsShownBeforeTheText() throws IOException {
    assertThat(importFile("a.md", story("x", "news", "dateline: KESTRELMOUTH")).exitCode())
        .isZero();
    Document article = page("/articles/x");
    assertThat(article.selectFirst(".article-body > p.dateline").text()).isEqualTo("KESTRELMOUTH");
    assertThat(article.selectFirst(".article-body > p.dateline").nextElementSibling().text())
        .isEqualTo("The council met on Tuesday.");
  }

  @Test
  void sourcesAreListedInABoxAtTheEndOfTheArticle() throws IOException {
    String sources =
        """
        sources:
          - name: Council minutes
            kind: document
            link: https://example.org/minutes
          - name: A council officer
            kind: anonymous
            reason: Not allowed to speak to the press.
        """;
    assertThat(importFile("a.md", story("x", "news", sources.strip())).exitCode()).isZero();
    Document article = page("/articles/x");
    var box = article.selectFirst("aside.sources");
    assertThat(box.selectFirst("h2").text()).isEqualTo("Sources");
    assertThat(box.select("li").eachText())
        .containsExactly(
            "Council minutes (document)",
            "A council officer (anonymous) Not allowed to speak to the press.");
    assertThat(box.selectFirst("a").attr("href")).isEqualTo("https://example.org/minutes");
  }

  @Test
  void anAnonymousSourceWithoutAReasonIsRefusedWithItsLine() throws IOException {
    String sources =
        """
        sources:
          - name: Council minutes
            kind: document
          - name: A council officer
            kind: anonymous
        """;
    Cli.Run run = importFile("a.md", story("x", "news", sources.strip()));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("a.md:10:", "an anonymous source needs a reason");
    assertThat(site.application().articles().exists("x")).isFalse();
  }
}
