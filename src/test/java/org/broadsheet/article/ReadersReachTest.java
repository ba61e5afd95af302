package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the front page and listings show of each story, and what an article offers besides its text:
 * reading time, share links, related stories and its section's latest; on the demo edition.
 */
class ReadersReachTest {
  private static final String REFERENCE = "/articles/lower-quay-evacuation-agreement";
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.open(Engine.SQLITE).withDemo();
    Instant at = Instant.now().minusSeconds(7200);
    // Each body its own made-up word: related by their tags alone, whatever the search index
    // (which relates stories by their words) has read by then.
    store(
        "rr-main", "Tidal Gauges Fail", words(690, "quorble"), List.of("rr-a", "rr-b", "rr-c"), at);
    store(
        "rr-two", "Gauges Repaired", words(10, "zint"), List.of("rr-a", "rr-b"), at.plusSeconds(1));
    store("rr-one", "Tide Tables Late", words(10, "plov"), List.of("rr-c"), at.plusSeconds(2));
    store("rr-none", "Unrelated Story", words(10, "drast"), List.of("rr-z"), at.plusSeconds(3));
    site.serve();
    site.application().settings().set("site.base_url", "https://news.example.org");
  }

  private static void store(
      String slug, String headline, String body, List<String> tags, Instant at) {
    site.application()
        .articles()
        .save(
            new ArticleDraft(
                slug,
                "",
                headline,
                "A test story.",
                body,
                "Tides",
                tags,
                List.of("Ada Quill"),
                ArticleStatus.PUBLISHED,
                at,
                at,
                null,
                Map.of(),
                null));
  }

  private static String words(int count, String word) {
    return (word + " ").repeat(count).strip();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static Document page(String path) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
    return Jsoup.parse(response.body(), site.url(path));
  }

  @Test
  void cardsShowTheirStorysPictureAndCountOnlyCommentsThereAre() {
    Document front = page("/");
    var cards = front.select(".story-grid article.summary");
    assertThat(cards).isNotEmpty();
    List<String> withoutPictures =
        List.of("Tidal Gauges Fail", "Gauges Repaired", "Tide Tables Late", "Unrelated Story");
    for (Element card : cards) {
      String headline = card.selectFirst("h3").text();
      Element picture = card.selectFirst(".summary-image img");
      if (withoutPictures.contains(headline)) {
        assertThat(picture).as("no picture on " + headline).isNull();
        continue;
      }
      assertThat(picture).as("picture on " + headline).isNotNull();
      assertThat(picture.attr("src")).startsWith("/media/");
      assertThat(picture.attr("width")).matches("\\d+");
      assertThat(picture.attr("height")).matches("\\d+");
      assertThat(picture.attr("alt")).isEmpty();
    }
    assertThat(front.text()).doesNotContain("No comments");
    assertThat(page("/section/world").text()).doesNotContain("No comments");
    assertThat(front.select("a.comment-count[href=" + REFERENCE + "#comments]").eachText())
        .contains("55 comments");
  }

  @Test
  void theGridFoldsTheColumnsNoStoryFills() {
    String stylesheet = page("/").selectFirst("link[rel=stylesheet]").attr("href");
    String css = site.get(stylesheet).body();
    assertThat(css).contains(".story-grid").contains("auto-fit").doesNotContain("auto-fill");
  }

  @Test
  void anArticleSaysHowLongItTakesToRead() {
    assertThat(page("/articles/rr-main").selectFirst(".reading-time").text())
        .isEqualTo("3 min read");
    assertThat(page("/articles/rr-two").selectFirst(".reading-time").text())
        .isEqualTo("1 min read");
    assertThat(ReadingTime.words("A [link](https://example.org/a-b-c) and *this*.")).isEqualTo(4);
  }

  @Test
  void shareLinksArePlainLinksAndLoadNothingFromAnotherSite() {
    Document article = page(REFERENCE);
    String url = "https%3A%2F%2Fnews.example.org%2Farticles%2Flower-quay-evacuation-agreement";
    List<String> links = article.select(".share-links a").eachAttr("href");
    assertThat(links)
        .anySatisfy(l -> assertThat(l).startsWith("mailto:?subject=Residents%20of").endsWith(url))
        .anySatisfy(l -> assertThat(l).startsWith("https://bsky.app/intent/compose?text="))
        .anySatisfy(l -> assertThat(l).startsWith("https://x.com/intent/tweet?").contains(url))
        .anySatisfy(l -> assertThat(l).startsWith("https://www.facebook.com/sharer/").contains(url))
        .anySatisfy(l -> assertThat(l).startsWith("https://www.linkedin.com/").contains(url))
        .anySatisfy(l -> assertThat(l).startsWith("https://wa.me/?text="));
    for (Element resource : article.select("script[src], img[src], link[rel=stylesheet]")) {
      assertThat(resource.hasAttr("src") ? resource.attr("src") : resource.attr("href"))
          .startsWith("/");
    }
    // Structured data (JSON-LD) is a data block, not a script that runs.
    assertThat(article.select("iframe, script:not([src]):not([type=application/ld+json])"))
        .isEmpty();

    // The copy button is there for a script of the site's own to show; without it, it is hidden.
    Element copy = article.selectFirst("button.copy-link");
    assertThat(copy.hasAttr("hidden")).isTrue();
    assertThat(copy.attr("data-url")).isEqualTo("https://news.example.org" + REFERENCE);
    String script = article.selectFirst("script[src]").attr("src");
    assertThat(script).matches("/assets/share\\.[0-9a-f]{10}\\.js");
    HttpResponse<String> served = site.get(script);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(served.headers().firstValue("cache-control"))
        .hasValueSatisfying(c -> assertThat(c).contains("immutable"));
    assertThat(served.body()).contains("clipboard").doesNotContain("http");
  }

  @Test
  void underEachArticleItsRelatedStoriesAndItsSectionsLatest() {
    Document article = page("/articles/rr-main");
    assertThat(article.select(".related .summary-headline a").eachText())
        .containsExactly("Gauges Repaired", "Tide Tables Late");
    assertThat(article.select(".in-section .summary-headline a").eachText())
        .containsExactly("Unrelated Story");
    assertThat(article.selectFirst(".in-section h2").text()).isEqualTo("Latest in Tides");
    // Stories shown as related are not repeated in the section's latest.
    Document reference = page(REFERENCE);
    List<String> related = reference.select(".related .summary-headline a").eachText();
    List<String> inSection = reference.select(".in-section .summary-headline a").eachText();
    assertThat(related).isNotEmpty().doesNotContainAnyElementsOf(inSection);
    assertThat(inSection).isNotEmpty();
  }
}
