package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.NodeTools;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An editor works the desk in Chromium with plain forms: pins the lead and fills in an author page;
 * every desk page and the author page pass axe-core.
 */
@Tag("browser")
class DeskBrowserTest {

  @Test
  void anEditorCuratesTheFrontPageSectionsAndAnAuthorPage() throws Exception {
    String axe = Files.readString(NodeTools.axe());
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      Cli.Run added =
          Cli.withInput(
              "a long enough password\n",
              site,
              "users",
              "add",
              "desk@example.org",
              "--name",
              "Dana Desk",
              "--role",
              "editor");
      assertThat(added.exitCode()).as(added.err()).isZero();
      ChromeDriver browser = Chromium.start();
      try {
        browser.get(site.url("/newsroom/front"));
        browser.findElement(By.id("sign-in-email")).sendKeys("desk@example.org");
        browser.findElement(By.id("sign-in-password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.arrivesAt(browser, "/newsroom/front");

        // The oldest of the newest offered is pinned as the lead.
        List<WebElement> offered = browser.findElements(By.cssSelector("ul.desk-list > li"));
        WebElement last = offered.getLast();
        String headline = last.findElement(By.tagName("a")).getText();
        last.findElement(By.cssSelector("button[value=pin]")).click();
        Chromium.awaitReplaced(browser, last);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
            .contains("Pinned");
        browser.get(site.url("/"));
        assertThat(browser.findElement(By.cssSelector(".lead-headline")).getText())
            .isEqualTo(headline);

        browser.get(site.url("/newsroom/authors/mirela-odsson"));
        WebElement title = browser.findElement(By.id("author-job-title"));
        title.clear();
        title.sendKeys("Editor of the city desk");
        WebElement expertise = browser.findElement(By.id("author-expertise"));
        expertise.clear();
        expertise.sendKeys("Local government\nHousing");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.awaitReplaced(browser, title);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
            .contains("saved");
        browser.get(site.url("/author/mirela-odsson"));
        assertThat(browser.findElement(By.cssSelector(".author-role")).getText())
            .isEqualTo("Editor of the city desk");
        assertThat(browser.findElements(By.cssSelector(".author-expertise li")))
            .extracting(WebElement::getText)
            .containsExactly("Local government", "Housing");

        List<String> problems = new ArrayList<>();
        for (String path :
            List.of(
                "/newsroom",
                "/newsroom/front",
                "/newsroom/sections",
                "/newsroom/authors",
                "/newsroom/authors/mirela-odsson",
                "/author/mirela-odsson")) {
          browser.get(site.url(path));
          List<String> violations = Chromium.axeViolations(browser, axe);
          violations.forEach(v -> problems.add(path + ": " + v));
        }
        assertThat(problems).as("axe-core violations").isEmpty();
      } finally {
        browser.quit();
      }
    }
  }
}
