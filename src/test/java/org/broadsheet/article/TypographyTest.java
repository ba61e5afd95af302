package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The house style's typography: curly quotes, apostrophes, dashes and ellipses on the page, while
 * code, addresses and attribute values stay as written, and so does what is stored.
 */
class TypographyTest {
  private static final Typography TYPESET = Typography.TYPESET;

  @Test
  void quotesApostrophesDashesAndEllipsesAreTypeset() {
    assertThat(TYPESET.text("\"Don't wait,\" she said -- then 'no' --- and left..."))
        .isEqualTo(
            "\u201cDon\u2019t wait,\u201d she said \u2013 then \u2018no\u2019 \u2014 and left\u2026");
    assertThat(TYPESET.text("Pages 5--10 of the board's report"))
        .isEqualTo("Pages 5\u201310 of the board\u2019s report");
    assertThat(TYPESET.text("\"Nested 'single' quotes\""))
        .isEqualTo("\u201cNested \u2018single\u2019 quotes\u201d");
  }

  @Test
  void plainTextIsNeverTakenForMarkdownAndAddressesStayAsWritten() {
    assertThat(TYPESET.text("A *starred* \"word\" and `ticks` & <b>"))
        .isEqualTo("A *starred* \u201cword\u201d and `ticks` & <b>");
    assertThat(TYPESET.text("- a line like a list \"item\""))
        .isEqualTo("- a line like a list \u201citem\u201d");
    assertThat(TYPESET.text("See https://example.org/a--b...c or www.example.org/x--y -- now"))
        .isEqualTo("See https://example.org/a--b...c or www.example.org/x--y \u2013 now");
    assertThat(TYPESET.text("An unmatched \"quote")).isEqualTo("An unmatched \"quote");
  }

  @Test
  void aNumberKeepsItsUnitAndAnInitialItsNameOnOneLine() {
    assertThat(TYPESET.text("The wall is 40 km long, 3 m high; water rose 12 % in 2 days."))
        .isEqualTo("The wall is 40\u00a0km long, 3\u00a0m high; water rose 12\u00a0% in 2 days.");
    assertThat(TYPESET.text("J. R. Quill met A. Lund at 5 mills."))
        .isEqualTo("J.\u00a0R.\u00a0Quill met A.\u00a0Lund at 5 mills.");
    // An address keeps its spaces and characters; as written, nothing changes.
    assertThat(TYPESET.text("See www.example.org/a 5 m")).endsWith("5\u00a0m");
    assertThat(Typography.AS_WRITTEN.text("40 km")).isEqualTo("40 km");
  }

  @Test
  void asWrittenLeavesEverythingAlone() {
    String written = "\"Don't\" -- ...";
    assertThat(Typography.AS_WRITTEN.text(written)).isEqualTo(written);
    assertThat(Typography.of(false)).isSameAs(Typography.AS_WRITTEN);
  }

  @Test
  void aBodyIsTypesetButItsCodeLinksAndAddressesAreNot() {
    String body =
        """
        "It's *settled*," the mayor said -- twice...

        Run `say "it's" -- now...` to see it, or read [the "report"](https://example.org/a--b "The 'title'").
        The draft is at https://example.org/c--d/e...f for now.

        ```
        quote = "straight" -- as typed...
        ```

        ## What's "next"
        """;
    String html = new BodyRenderer().render(body, Map.of(), Map.of(), TYPESET);
    Document page = Jsoup.parseBodyFragment(html);
    assertThat(page.select("p").first().text())
        .isEqualTo("\u201cIt\u2019s settled,\u201d the mayor said \u2013 twice\u2026");
    assertThat(page.select("p code").text()).isEqualTo("say \"it's\" -- now...");
    assertThat(page.select("pre code").text()).isEqualTo("quote = \"straight\" -- as typed...");
    assertThat(page.select("a").text()).isEqualTo("the \u201creport\u201d");
    assertThat(page.select("a").attr("href")).isEqualTo("https://example.org/a--b");
    assertThat(page.select("a").attr("title")).isEqualTo("The 'title'");
    assertThat(page.select("p").get(1).text()).contains("https://example.org/c--d/e...f for now");
    assertThat(page.select("h2").text()).isEqualTo("What\u2019s \u201cnext\u201d");

    assertThat(
            Jsoup.parseBodyFragment(new BodyRenderer().render(body, Map.of()))
                .select("p")
                .first()
                .text())
        .isEqualTo("\"It's settled,\" the mayor said -- twice...");
  }

  @Test
  void pagesAreTypesetWhileTheStoredTextAndTheSettingDecide() throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE).serve()) {
      Instant published = Instant.now().minusSeconds(600);
      String headline = "Ferry Board Says \"Not Yet\" -- Again...";
      site.application()
          .articles()
          .save(
              new ArticleDraft(
                  "ferry-board",
                  "Harbour's week",
                  headline,
                  "The board's answer -- for now.",
                  "\"We're waiting,\" a member said. Code: `a--b`.",
                  "Transport",
                  List.of(),
                  List.of("Ada Quill"),
                  ArticleStatus.PUBLISHED,
                  published,
                  published,
                  null,
                  Map.of(),
                  null));
      String typeset = "Ferry Board Says \u201cNot Yet\u201d \u2013 Again\u2026";
      Reader reader = new Reader(site);
      Document article = reader.page("/articles/ferry-board");
      assertThat(article.select("h1").text()).isEqualTo(typeset);
      assertThat(article.select(".kicker").text()).contains("Harbour\u2019s week");
      assertThat(article.select(".standfirst").text())
          .isEqualTo("The board\u2019s answer \u2013 for now.");
      assertThat(article.select(".article-body p").first().text())
          .isEqualTo("\u201cWe\u2019re waiting,\u201d a member said. Code: a--b.");
      JsonNode data =
          new ObjectMapper()
              .readTree(article.select("script[type=application/ld+json]").first().data());
      assertThat(data.get("headline").asText()).isEqualTo(typeset);
      assertThat(reader.page("/").select(".lead-headline").text()).isEqualTo(typeset);
      assertThat(reader.page("/section/transport").select(".summary-headline").text())
          .isEqualTo(typeset);

      assertThat(site.application().articles().any("ferry-board").orElseThrow().headline())
          .isEqualTo(headline);

      site.application().settings().set("typography.enabled", "false");
      assertThat(reader.page("/articles/ferry-board").select("h1").text()).isEqualTo(headline);
      assertThat(reader.page("/").select(".lead-headline").text()).isEqualTo(headline);
    }
  }
}
