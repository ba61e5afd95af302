package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.search.SearchTest.NOW;
import static org.broadsheet.search.SearchTest.awaitIndex;
import static org.broadsheet.search.SearchTest.published;

import java.time.Duration;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Under each article, the stories that say most alike, found by their words without any tag. */
class RelatedArticlesTest {
  @Test
  void storiesAboutTheSameThingAreRelatedWithoutSharingATag() {
    try (TestSite site = SearchTest.site().serve()) {
      published(
          site,
          "keeper-retires",
          "Lighthouse keeper retires after forty winters",
          "The lighthouse keeper climbed the tower stairs each night to trim the lamp. The lamp"
              + " of the lighthouse now turns by itself, and the keeper's cottage is for sale.",
          NOW.minus(Duration.ofDays(3)));
      long lamp =
          published(
              site,
              "new-lamp",
              "A brighter lamp for the lighthouse",
              "Engineers fitted a new lamp to the lighthouse on the point. The lamp reaches"
                  + " further out to sea than the old lighthouse lamp did.",
              NOW.minus(Duration.ofDays(2)));
      published(
          site,
          "bakery-prize",
          "Bakery wins the county prize",
          "The bakery on Mill Street baked rye bread for the judges. Its bread won.",
          NOW.minus(Duration.ofDays(1)));
      SearchTest.story(
          site,
          "lighthouse-draft",
          "Lighthouse lamp lighthouse keeper lamp",
          "Lighthouse lamp keeper lighthouse lamp keeper.",
          "News",
          "Ada Quill",
          ArticleStatus.DRAFT,
          NOW.minus(Duration.ofDays(1)));
      awaitIndex(site);
      long keeper = site.application().articles().idOf("keeper-retires").orElseThrow();

      assertThat(site.application().search().relatedTo(keeper, 4)).containsExactly(lamp);
      Document page = Jsoup.parse(site.get("/articles/keeper-retires").body());
      // The draft shares the most words but is nobody's reading yet; the bakery shares none.
      assertThat(page.select(".related .summary-headline a").eachText())
          .containsExactly("A brighter lamp for the lighthouse");
    }
  }
}
