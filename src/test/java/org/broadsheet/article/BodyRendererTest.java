package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.broadsheet.media.Image;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BodyRendererTest {
  private final BodyRenderer renderer = new BodyRenderer();
  private final Image quay =
      new Image(
          1,
          "quay-0123456789ab.jpg",
          "image/jpeg",
          1200,
          800,
          "Stored caption",
          "Stored Credit",
          "Stored alt");

  @Test
  void hugoFigureShortcodeBecomesFigureWithCaptionAndCredit() {
    String body =
        """
        First paragraph.

        {{< figure src="images/quay.jpg" alt="Buses at the quay" caption="Residents board buses." attr="Ina Holm/Agency" >}}

        Last paragraph.
        """;
    Document html = Jsoup.parseBodyFragment(renderer.render(body, Map.of("images/quay.jpg", quay)));

    Element figure = html.selectFirst("figure");
    assertThat(figure).isNotNull();
    assertThat(figure.selectFirst("img").attr("src")).isEqualTo("/media/quay-0123456789ab.jpg");
    assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("Buses at the quay");
    assertThat(figure.selectFirst("figcaption").text())
        .isEqualTo("Residents board buses. (Photo: Ina Holm/Agency)");
    assertThat(html.select("p"))
        .extracting(Element::text)
        .containsExactly("First paragraph.", "Last paragraph.");
  }

  /**
   * The same body renders to the same bytes in every process, so a page keeps its ETag across
   * restarts and nodes.
   */
  @Test
  void figureAttributesComeInOneFixedOrder() {
    Document html =
        Jsoup.parseBodyFragment(
            renderer.render("![Cores](images/quay.jpg)\n", Map.of("images/quay.jpg", quay)));
    assertThat(html.selectFirst("figure img").attributes().asList())
        .extracting(org.jsoup.nodes.Attribute::getKey)
        .containsExactly("src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding");
  }

  @Test
  void standaloneMarkdownImageBecomesFigureUsingTitleAsCaption() {
    Document html =
        Jsoup.parseBodyFragment(
            renderer.render(
                "![Cores on a bench](images/quay.jpg \"Sediment cores.\")\n",
                Map.of("images/quay.jpg", quay)));
    assertThat(html.selectFirst("figure img").attr("alt")).isEqualTo("Cores on a bench");
    assertThat(html.selectFirst("figcaption").text())
        .isEqualTo("Sediment cores. (Photo: Stored Credit)");
  }

  @Test
  void quotesAndEmphasisAreKeptAndHeadingsSitBelowTheHeadline() {
    Document html =
        Jsoup.parseBodyFragment(
            renderer.render(
                "# Section\n\n> \"We agreed,\" she said.\n\nIt was *close*.", Map.of()));
    assertThat(html.select("h1")).isEmpty();
    assertThat(html.selectFirst("h2").text()).isEqualTo("Section");
    assertThat(html.selectFirst("blockquote").text()).isEqualTo("\"We agreed,\" she said.");
    assertThat(html.selectFirst("em").text()).isEqualTo("close");
  }

  @Test
  void theBodysHighestHeadingSitsRightBelowTheHeadline() {
    Document html =
        Jsoup.parseBodyFragment(renderer.render("## Part\n\nText\n\n### Detail\n", Map.of()));
    assertThat(html.select("h2").eachText()).containsExactly("Part");
    assertThat(html.select("h3").eachText()).containsExactly("Detail");
  }

  @Test
  void scriptsEventHandlersAndJavascriptLinksAreRemoved() {
    String body =
        """
        <script>alert(1)</script>

        <img src="x" onerror="alert(2)">

        [click](javascript:alert(3)) and <a href="https://example.org" onclick="alert(4)">ok</a>

        <iframe src="https://example.org"></iframe>
        """;
    String html = renderer.render(body, Map.of());
    assertThat(html).doesNotContain("<script", "onerror", "javascript:", "onclick", "<iframe");
    assertThat(Jsoup.parseBodyFragment(html).selectFirst("a[href=https://example.org]"))
        .isNotNull();
  }

  @Test
  void textIsKeptExactlyAsWrittenTyposIncluded() {
    String html = renderer.render("The negotations were oficially over.", Map.of());
    assertThat(Jsoup.parseBodyFragment(html).text())
        .isEqualTo("The negotations were oficially over.");
  }

  @Test
  void figureOfAPictureNotStoredIsLeftOut() {
    String html =
        renderer.render("{{< figure src=\"https://tracker.example/x.jpg\" >}}\n", Map.of());
    assertThat(html).doesNotContain("tracker.example", "<img");
  }
}
