package org.broadsheet.about;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages on which the newsroom says how it works are a click away from every page. */
class TrustPagesTest {
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.open(Engine.SQLITE).withDemo().serve();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static Document page(String path) {
    var response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(response.body());
  }

  @Test
  void everyPageLinksTheTrustPagesFromItsFooter() {
    for (String path :
        new String[] {"/", "/articles/council-budget-vote", "/section/politics", "/corrections"}) {
      assertThat(page(path).select("footer nav a").eachAttr("href"))
          .as(path)
          .containsExactly(
              "/about/principles",
              "/about/corrections-policy",
              "/corrections",
              "/about/ethics",
              "/about/ownership",
              "/about/contact");
    }
  }

  @Test
  void theDemoEditionWritesEachTrustPage() {
    for (TrustPage trust : TrustPage.values()) {
      Document page = page(trust.path());
      assertThat(page.selectFirst("h1").text()).isEqualTo(trust.title());
      assertThat(page.select(".article-body").text()).hasSizeGreaterThan(300);
    }
    assertThat(site.get("/about/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void anAdministratorEditsATrustPageAsASetting() {
    try (TestSite fresh = TestSite.open(Engine.SQLITE).serve()) {
      var before = Jsoup.parse(fresh.get("/about/ethics").body());
      assertThat(before.select(".article-body").text())
          .isEqualTo("The newsroom has not published this page yet.");
      Cli.Run run =
          Cli.run(fresh, "settings", "set", "about.ethics", "We **never** pay our sources.");
      assertThat(run.exitCode()).as(run.err()).isZero();
      var after = Jsoup.parse(fresh.get("/about/ethics").body());
      assertThat(after.select(".article-body strong").text()).isEqualTo("never");
    }
  }
}
