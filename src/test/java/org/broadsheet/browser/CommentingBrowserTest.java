package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

@Tag("browser")
class CommentingBrowserTest {
  private static final String ARTICLE = "/articles/halden-observatory-comet";

  private static void fillIn(ChromeDriver browser, String name, String email, String text) {
    browser.findElement(By.id("comment-body")).sendKeys(text);
    browser.findElement(By.id("comment-name")).sendKeys(name);
    browser.findElement(By.id("comment-email")).sendKeys(email);
  }

  @Test
  void readerCommentsWaitsForModerationThenRepliesInAThread() throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo()) {
      site.application().settings().set("comments.min_fill_seconds", "1");
      site.serve();
      ChromeDriver browser = Chromium.start();
      try {
        browser.executeCdpCommand(
            "Emulation.setScriptExecutionDisabled", java.util.Map.of("value", true));
        browser.get(site.url(ARTICLE));
        assertThat(browser.findElement(By.id("comments-heading")).getText())
            .startsWith("Be the first to comment on");
        fillIn(
            browser, "Petra Lund", "petra@example.org", "Is the comet visible from the harbour?");
        Thread.sleep(1_100);
        browser.findElement(By.cssSelector("form.comment-form button[type=submit]")).click();

        WebElement mine = browser.findElement(By.cssSelector("li.comment.awaiting"));
        assertThat(mine.getText())
            .contains("awaiting moderation", "Is the comet visible from the harbour?");
        String id = mine.getAttribute("id").substring("comment-".length());
        Chromium.screenshot(browser, "comment-awaiting-moderation");

        Cli.Run approved = Cli.run(site, "comments", "approve", id);
        assertThat(approved.exitCode()).isZero();
        browser.navigate().refresh();
        WebElement published = browser.findElement(By.id("comment-" + id));
        assertThat(published.getText())
            .doesNotContain("awaiting moderation")
            .contains("Petra Lund");
        assertThat(browser.findElement(By.id("comments-heading")).getText())
            .startsWith("1 comment on");

        published.findElement(By.cssSelector("a.reply")).click();
        assertThat(browser.findElement(By.cssSelector(".replying-to")).getText())
            .contains("Replying to Petra Lund");
        fillIn(
            browser,
            "Omar Hale",
            "omar@example.org",
            "Only with binoculars, the observatory says.");
        Thread.sleep(1_100);
        browser.findElement(By.cssSelector("form.comment-form button[type=submit]")).click();

        WebElement reply =
            browser.findElement(By.cssSelector("#comment-" + id + " > ol.children > li.comment"));
        assertThat(reply.getText())
            .contains("Omar Hale", "Only with binoculars", "awaiting moderation");
        Chromium.screenshot(browser, "comment-threaded-reply");
      } finally {
        browser.quit();
      }
    }
  }
}
