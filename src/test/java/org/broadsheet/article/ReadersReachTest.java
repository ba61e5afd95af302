package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the front page and listings show of each story, on the demo edition. */
class ReadersReachTest {
  private static final String REFERENCE = "/articles/lower-quay-evacuation-agreement";
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.open(Engine.SQLITE).withDemo().serve();
    site.application().settings().set("site.base_url", "https://news.example.org");
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
    for (Element card : cards) {
      Element picture = card.selectFirst(".summary-image img");
      assertThat(picture).as("picture on " + card.selectFirst("h3").text()).isNotNull();
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
}
