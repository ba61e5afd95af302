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
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A journalist signs in and out in a real browser: the browser's own Origin, cookies and referrer
 * policy pass the newsroom's form checks, and the signed-in pages pass axe-core.
 */
@Tag("browser")
class SignInBrowserTest {
  @Test
  void aJournalistSignsInAndOutInChromium() throws Exception {
    String axe = Files.readString(NodeTools.axe());
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      Cli.Run added =
          Cli.withInput(
              "a long enough password\n",
              site,
              "users",
              "add",
              "chief@example.org",
              "--name",
              "Mira Chief",
              "--role",
              "administrator");
      assertThat(added.exitCode()).as(added.err()).isZero();
      ChromeDriver browser = Chromium.start();
      try {
        browser.get(site.url("/newsroom/audit"));
        assertThat(browser.getCurrentUrl()).contains("/newsroom/sign-in?return=");
        browser.findElement(By.id("sign-in-email")).sendKeys("chief@example.org");
        browser.findElement(By.id("sign-in-password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.arrivesAt(browser, "/newsroom/audit");
        assertThat(browser.findElement(By.cssSelector("table.audit-log")).getText())
            .contains("sign-in", "chief@example.org");

        List<String> problems = new ArrayList<>();
        for (String path : List.of("/newsroom", "/newsroom/audit")) {
          browser.get(site.url(path));
          List<String> violations = Chromium.axeViolations(browser, axe);
          violations.forEach(v -> problems.add(path + ": " + v));
        }
        assertThat(problems).as("axe-core violations").isEmpty();

        browser.get(site.url("/newsroom"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Mira Chief");
        browser.findElement(By.cssSelector("form[action='/newsroom/sign-out'] button")).click();
        Chromium.arrivesAt(browser, "/newsroom/sign-in?signed-out");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
            .isEqualTo("You are signed out.");
        browser.get(site.url("/newsroom"));
        assertThat(browser.getCurrentUrl()).contains("/newsroom/sign-in");
      } finally {
        browser.quit();
      }
    }
  }
}
