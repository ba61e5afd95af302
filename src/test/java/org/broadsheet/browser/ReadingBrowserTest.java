package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

@Tag("browser")
class ReadingBrowserTest {
  @Test
  void readerOpensTheFrontPageAndFollowsTheLeadStory() throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      ChromeDriver browser = Chromium.start();
      try {
        browser.get(site.url("/"));
        Path front = Chromium.screenshot(browser, "front-page");
        WebElement lead = browser.findElement(By.cssSelector(".lead-headline a"));
        String headline = lead.getText();
        lead.click();

        Chromium.arrivesAtAddressWith(browser, "/articles/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        WebElement leadPicture = browser.findElement(By.cssSelector("figure.lead-figure img"));
        assertThat(
                ((Number) browser.executeScript("return arguments[0].naturalWidth", leadPicture))
                    .intValue())
            .as("the lead picture loaded")
            .isGreaterThan(0);
        Path article = Chromium.screenshot(browser, "lead-story");
        assertThat(Files.size(front)).isGreaterThan(10_000);
        assertThat(Files.size(article)).isGreaterThan(10_000);
      } finally {
        browser.quit();
      }
    }
  }
}
