package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

@Tag("browser")
class SearchingBrowserTest {
  @Test
  void readerSearchesFromTheHeaderAndOpensAResult() throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (site.get("/search?q=flood").statusCode() == 503 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      ChromeDriver browser = Chromium.start();
      try {
        browser.get(site.url("/section/world"));
        browser.findElement(By.id("site-search-q")).sendKeys("flooded quay" + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.urlContains("/search?q="));

        assertThat(browser.getCurrentUrl()).endsWith("/search?q=flooded+quay");
        assertThat(browser.findElement(By.id("search-q")).getAttribute("value"))
            .isEqualTo("flooded quay");
        assertThat(browser.findElements(By.cssSelector(".search-hit mark"))).isNotEmpty();
        Path results = Chromium.screenshot(browser, "search-results");
        String headline = browser.findElement(By.cssSelector(".search-hit h3 a")).getText();
        browser.findElement(By.cssSelector(".search-hit h3 a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.urlContains("/articles/"));
        assertThat(browser.getCurrentUrl()).contains("/articles/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(Files.size(results)).isGreaterThan(10_000);
      } finally {
        browser.quit();
      }
    }
  }
}
