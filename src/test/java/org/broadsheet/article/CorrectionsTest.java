package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections are shown where readers look, and never edited away without a trace. */
class CorrectionsTest {
  @TempDir Path folder;
  private TestSite site;

  @BeforeEach
  void openSite() throws IOException {
    site = TestSite.open(Engine.SQLITE).serve();
    site.application().settings().set("site.base_url", "https://news.example.org");
    importFile("story.md", ArticleTypesTest.story("bridge", "news", ""));
  }

  @AfterEach
  void closeSite() {
    site.close();
  }

  private Cli.Run importFile(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    Cli.Run run = Cli.run(site, "import", "markdown", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private Cli.Run cli(String... words) {
    return Cli.run(site, words);
  }

  private Document html(String path) {
    var response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(response.body());
  }

  private Document xml(String path) {
    var response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(response.body(), "", Parser.xmlParser());
  }

  private Cli.Run addCorrection() {
    return cli(
        "corrections",
        "add",
        "bridge",
        "--kind",
        "correction",
        "--text",
        "An earlier version gave the wrong date for the vote.",
        "--date",
        "2026-11-21T10:00:00Z");
  }

  @Test
  void aCorrectionIsShownOnTheArticleInItsFeedsAndOnTheCorrectionsPage() {
    // Pages and feeds cached before the correction must not outlive it.
    html("/articles/bridge");
    xml("/feed.atom");
    html("/corrections");
    Cli.Run run = addCorrection();
    assertThat(run.exitCode()).as(run.err()).isZero();

    Document article = html("/articles/bridge");
    assertThat(article.select("#corrections li").eachText())
        .containsExactly(
            "Correction, 21 November 2026, 10:00 UTC: An earlier version gave the wrong date for"
                + " the vote.");
    assertThat(article.select(".dates .updated").text()).contains("21 November 2026, 10:00 UTC");
    assertThat(site.application().articles().published("bridge").orElseThrow().updatedAt())
        .isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));

    Document feed = xml("/feed.atom");
    assertThat(feed.selectFirst("entry > updated").text()).startsWith("2026-11-21T10:00:00");

    Document corrections = html("/corrections");
    assertThat(corrections.select(".correction-list li").text())
        .contains("Correction", "Story bridge", "wrong date for the vote");
    assertThat(corrections.selectFirst(".correction-list a").attr("href"))
        .isEqualTo("/articles/bridge#corrections");

    Document correctionFeed = xml("/corrections/feed.atom");
    assertThat(correctionFeed.selectFirst("entry > title").text())
        .isEqualTo("Correction: Story bridge");
    assertThat(correctionFeed.selectFirst("entry > link").attr("href"))
        .startsWith("https://news.example.org/articles/bridge#correction-");
  }

  @Test
  void editingAndRemovingKeepATrace() throws IOException {
    addCorrection();
    long id =
        site.application()
            .corrections()
            .list("bridge", 10)
            .orElseThrow()
            .getFirst()
            .correction()
            .id();

    Cli.Run refused = cli("corrections", "edit", Long.toString(id), "--text", "Other.");
    assertThat(refused.exitCode()).isNotZero();

    Cli.Run edit =
        cli(
            "corrections",
            "edit",
            Long.toString(id),
            "--text",
            "An earlier version gave the wrong day for the vote.",
            "--reason",
            "Typo in the correction");
    assertThat(edit.exitCode()).as(edit.err()).isZero();
    assertThat(html("/articles/bridge").select("#corrections li").text())
        .contains("wrong day for the vote");

    Cli.Run remove =
        cli("corrections", "remove", Long.toString(id), "--reason", "The date was right after all");
    assertThat(remove.exitCode()).as(remove.err()).isZero();
    assertThat(html("/articles/bridge").select("#corrections")).isEmpty();
    assertThat(html("/corrections").select(".correction-list li")).isEmpty();

    Cli.Run list = cli("corrections", "list", "bridge", "--json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    JsonNode entry = new ObjectMapper().readTree(list.out()).get(0);
    assertThat(entry.at("/correction/withdrawnReason").asText())
        .isEqualTo("The date was right after all");
    assertThat(entry.at("/history/0/action").asText()).isEqualTo("edited");
    assertThat(entry.at("/history/0/textBefore").asText())
        .isEqualTo("An earlier version gave the wrong date for the vote.");
    assertThat(entry.at("/history/0/reason").asText()).isEqualTo("Typo in the correction");
    assertThat(entry.at("/history/1/action").asText()).isEqualTo("withdrawn");
    assertThat(cli("corrections", "list").out())
        .contains("WITHDRAWN (The date was right after all)");
    // The command line's changes are in the audit log, as the newsroom's are.
    assertThat(cli("audit", "--action", "correction", "--json").out())
        .contains("correction.add", "correction.edit", "correction.withdraw", "bridge");
  }

  @Test
  void frontMatterCorrectionsAreAddedOnceOnImport() throws IOException {
    String corrections =
        """
        corrections:
          - date: 2026-11-22T09:00:00Z
            kind: update
            text: The council has since confirmed the figures.
        """;
    String text = ArticleTypesTest.story("bridge", "news", corrections.strip());
    importFile("story.md", text);
    importFile("story.md", text);
    assertThat(site.application().articles().published("bridge").orElseThrow().corrections())
        .singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(Correction.Kind.UPDATE));
    assertThat(html("/articles/bridge").select("#corrections li").text())
        .startsWith("Update, 22 November 2026, 09:00 UTC");
  }

  @Test
  void aCorrectionWithoutTextOrOnAnUnknownArticleIsRefused() {
    assertThat(
            cli("corrections", "add", "bridge", "--kind", "correction", "--text", " ").exitCode())
        .isEqualTo(1);
    assertThat(cli("corrections", "add", "nope", "--kind", "update", "--text", "x").exitCode())
        .isEqualTo(1);
    assertThat(cli("corrections", "add", "bridge", "--kind", "gossip", "--text", "x").exitCode())
        .isEqualTo(2);
    assertThat(site.application().articles().published("bridge").orElseThrow().corrections())
        .isEmpty();
  }
}
