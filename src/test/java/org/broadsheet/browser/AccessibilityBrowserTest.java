package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.NodeTools;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/** axe-core (from npm), injected into each kind of page in Chromium, finds no violation. */
@Tag("browser")
class AccessibilityBrowserTest {
  @Test
  void everyKindOfPagePassesAxe() throws Exception {
    String axe = Files.readString(NodeTools.axe());
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      // The search page is checked with its results, once the new site's index is built.
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (site.get("/search?q=flood").statusCode() == 503 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      // Pages of 20 comments, so the demo's long thread has a later page of its own.
      site.application().settings().set("comments.per_page", "20");
      ChromeDriver browser = Chromium.start();
      try {
        List<String> problems = new ArrayList<>();
        for (String path :
            List.of(
                "/",
                "/articles/lower-quay-evacuation-agreement",
                "/articles/halden-observatory-comet",
                "/articles/lower-quay-evacuation-agreement/comments?page=2",
                "/section/world",
                "/tag/kestrelmouth",
                "/author/mirela-odsson",
                "/search?q=flood",
                "/no/such/page",
                "/newsroom/sign-in",
                "/newsroom/forgot-password")) {
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
