package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.NodeTools;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A reader reports a comment and a moderator works through the queue in a real browser, without any
 * script of the site's: the forms pass the site's checks, and every page passes axe-core.
 */
@Tag("browser")
class ModerationBrowserTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";

  @Test
  void aReaderReportsAndAModeratorDecidesAndRepliesInChromium() throws Exception {
    String axe = Files.readString(NodeTools.axe());
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      site.application().settings().set("comments.min_fill_seconds", "0");
      site.application().settings().set("comments.moderation", "all");
      Cli.Run added =
          Cli.withInput(
              "a long enough password\n",
              site,
              "users",
              "add",
              "mod@example.org",
              "--name",
              "Noor Moderator",
              "--role",
              "moderator");
      assertThat(added.exitCode()).as(added.err()).isZero();
      new Reader(site)
          .comment(
              ARTICLE,
              Map.of(
                  "name", "Iris", "email", "iris@example.org", "comment", "Which quay is next?"));
      ChromeDriver browser = Chromium.start();
      List<String> problems = new ArrayList<>();
      try {
        browser.get(site.url(ARTICLE));
        WebElement report = browser.findElement(By.cssSelector("a.report"));
        String reportPath = report.getAttribute("pathname");
        report.click();
        Chromium.arrivesAt(browser, reportPath);
        check(browser, axe, reportPath, problems);
        browser.findElement(By.id("reason-off-topic")).click();
        Chromium.submit(
            browser, browser.findElement(By.cssSelector("form.report-form button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");

        browser.get(site.url("/newsroom/comments"));
        browser.findElement(By.id("sign-in-email")).sendKeys("mod@example.org");
        browser.findElement(By.id("sign-in-password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.arrivesAt(browser, "/newsroom/comments");
        check(browser, axe, "/newsroom/comments", problems);
        WebElement held = browser.findElement(By.cssSelector(".queue-item"));
        assertThat(held.getText()).contains("Which quay is next?");
        held.findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.findElement(By.cssSelector(".queue-bulk button")).click();
        Chromium.arrivesAt(browser, "/newsroom/comments?list=held&done=approve&count=1");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
            .contains("1 comment approved");

        browser.get(site.url("/newsroom/comments?list=reported"));
        check(browser, axe, "/newsroom/comments?list=reported", problems);
        WebElement reported = browser.findElement(By.cssSelector(".queue-item"));
        assertThat(reported.getText()).contains("off-topic");
        reported.findElement(By.partialLinkText("Reply as the newsroom")).click();
        // The reply page has replaced the queue before it is checked.
        WebElement replyText = browser.findElement(By.id("reply-text"));
        check(browser, axe, "reply", problems);
        replyText.sendKeys("Thank you; we have moved this thread.");
        Chromium.submit(
            browser, browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
            .contains("Your reply is published");

        browser.get(site.url(ARTICLE));
        assertThat(browser.findElement(By.cssSelector(".comment.staff .staff-marker")).getText())
            .isEqualToIgnoringCase("Staff");
        assertThat(browser.findElement(By.tagName("main")).getText())
            .contains("Which quay is next?", "Noor Moderator");
        assertThat(problems).as("axe-core violations").isEmpty();
      } finally {
        browser.quit();
      }
    }
  }

  private static void check(ChromeDriver browser, String axe, String page, List<String> problems) {
    List<String> violations = Chromium.axeViolations(browser, axe);
    violations.forEach(v -> problems.add(page + ": " + v));
  }
}
