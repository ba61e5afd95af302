package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.NodeTools;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor proofreads in a real browser without any script of ours: a misspelling flagged under
 * its field, a suggestion applied, a name added to the newsroom's dictionary, and the article
 * published anyway over the one finding left; every page passes axe-core.
 */
@Tag("browser")
class ProofreadingBrowserTest {
  private static final String FINDING = "//li[contains(@class,'finding')][.//span[text()='“%s”']]";

  @Test
  void anEditorProofreadsAndPublishesInChromium() throws Exception {
    String axe = Files.readString(NodeTools.axe());
    try (TestSite site = TestSite.open(Engine.SQLITE).serve()) {
      Cli.Run added =
          Cli.withInput(
              "a long enough password\n",
              site,
              "users",
              "add",
              "desk@example.org",
              "--name",
              "Dee Desk",
              "--role",
              "editor");
      assertThat(added.exitCode()).as(added.err()).isZero();
      site.application().proofreader().awaitModel();
      ChromeDriver browser = Chromium.start();
      List<String> problems = new ArrayList<>();
      try {
        browser.get(site.url("/newsroom/articles/new"));
        browser.findElement(By.id("sign-in-email")).sendKeys("desk@example.org");
        browser.findElement(By.id("sign-in-password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.arrivesAt(browser, "/newsroom/articles/new");

        browser.findElement(By.id("editor-headline")).sendKeys("Night servise to the islands");
        browser
            .findElement(By.id("editor-body"))
            .sendKeys(
                "The boat for Quillanby leaves at ten.\n\nPassengers arived early for the first"
                    + " crossing.");
        browser.findElement(By.id("editor-section")).sendKeys("Local");
        browser.findElement(By.cssSelector("form.editor-form button.submit")).click();
        Chromium.arrivesAtAddressWith(browser, "?done=saved");
        String editor = browser.getCurrentUrl().replaceAll("\\?.*", "");
        assertThat(browser.findElement(By.xpath(FINDING.formatted("servise"))).getText())
            .contains("spelling");
        check(browser, axe, "the editor with findings", problems);

        browser
            .findElement(
                By.xpath(
                    FINDING.formatted("servise")
                        + "//button[@name='apply'][substring(., string-length(.) - 6) ="
                        + " 'service']"))
            .click();
        Chromium.arrivesAt(browser, "/proofread");
        assertThat(browser.findElement(By.id("editor-headline")).getAttribute("value"))
            .isEqualTo("Night service to the islands");
        assertThat(browser.findElement(By.cssSelector(".newsroom-notice")).getText())
            .contains("Not saved yet");
        check(browser, axe, "a suggestion applied", problems);

        browser
            .findElement(
                By.xpath(FINDING.formatted("Quillanby") + "//button[@name='dictionary-add']"))
            .click();
        // The page before and after both answer at …/proofread: wait for the new notice.
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .ignoring(StaleElementReferenceException.class)
            .until(
                driver ->
                    driver
                        .findElement(By.cssSelector(".newsroom-notice"))
                        .getText()
                        .contains("dictionary"));
        assertThat(browser.findElements(By.xpath(FINDING.formatted("Quillanby")))).isEmpty();
        // The applied suggestion, not yet saved, is still in the form.
        assertThat(browser.findElement(By.id("editor-headline")).getAttribute("value"))
            .isEqualTo("Night service to the islands");

        browser.findElement(By.cssSelector("form.editor-form button.submit")).click();
        Chromium.arrivesAtAddressWith(browser, "?done=saved");
        assertThat(browser.findElements(By.xpath(FINDING.formatted("arived")))).hasSize(1);

        Chromium.submit(
            browser,
            browser.findElement(
                By.xpath(
                    "//form[contains(@action,'/move')][input[@name='to' and @value='published']]"
                        + "//button")));
        assertThat(browser.findElement(By.tagName("h1")).getText())
            .isEqualTo("Publish with 1 spelling finding open?");
        check(browser, axe, "publish anyway", problems);
        browser.findElement(By.cssSelector("main form button.submit")).click();
        Chromium.arrivesAtAddressWith(browser, "?done=published");

        long id = Long.parseLong(editor.replaceAll(".*/", ""));
        assertThat(site.application().articles().desk(id).orElseThrow().status())
            .isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(site.application().articles().byId(id).orElseThrow().headline())
            .isEqualTo("Night service to the islands");
        assertThat(site.application().dictionary().words()).containsExactly("Quillanby");
        assertThat(
                site.application()
                    .audit()
                    .search(new AuditQuery(null, "article.publish-anyway", null, null, 1, 10))
                    .entries())
            .hasSize(1);

        browser.get(site.url("/newsroom/dictionary"));
        check(browser, axe, "the dictionary", problems);
        assertThat(problems).as("axe-core violations").isEmpty();
      } catch (RuntimeException | AssertionError e) {
        Chromium.screenshot(browser, "proofreading-failure");
        throw e;
      } finally {
        browser.quit();
      }
    }
  }

  private static void check(ChromeDriver browser, String axe, String what, List<String> problems) {
    List<String> violations = Chromium.axeViolations(browser, axe);
    violations.forEach(v -> problems.add(what + ": " + v));
  }
}
