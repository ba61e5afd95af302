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
 * An administrator writes a trust page and tries a bad setting in Chromium with plain forms; the
 * settings page, the trust pages' page and a refusal pass axe-core.
 */
@Tag("browser")
class SettingsBrowserTest {

  private static List<String> axeViolations(ChromeDriver browser, String axe) {
    List<String> violations = Chromium.axeViolations(browser, axe);
    return violations;
  }

  @Test
  void anAdministratorWritesATrustPageAndIsToldWhyABadValueIsRefused() throws Exception {
    String axe = Files.readString(NodeTools.axe());
    try (TestSite site = TestSite.open(Engine.SQLITE).serve()) {
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
        List<String> problems = new ArrayList<>();
        browser.get(site.url("/newsroom/trust"));
        browser.findElement(By.id("sign-in-email")).sendKeys("chief@example.org");
        browser.findElement(By.id("sign-in-password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.arrivesAt(browser, "/newsroom/trust");
        axeViolations(browser, axe).forEach(v -> problems.add("/newsroom/trust: " + v));

        WebElement contact = browser.findElement(By.id("setting-about-contact"));
        contact.sendKeys("## Tips\nWrite to the desk at tips@example.org; we answer within a day.");
        contact.submit();
        Chromium.awaitReplaced(browser, contact);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
            .contains("about.contact is saved.");
        browser.get(site.url("/about/contact"));
        assertThat(browser.findElement(By.cssSelector(".article-body h2")).getText())
            .isEqualTo("Tips");

        browser.get(site.url("/newsroom/settings"));
        axeViolations(browser, axe).forEach(v -> problems.add("/newsroom/settings: " + v));
        WebElement pageSize = browser.findElement(By.id("setting-site-page_size"));
        pageSize.clear();
        pageSize.sendKeys("0");
        pageSize.submit();
        Chromium.awaitReplaced(browser, pageSize);
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
            .contains("Nothing was changed");
        assertThat(browser.findElement(By.id("setting-site-page_size")).getDomProperty("value"))
            .isEqualTo("0");
        axeViolations(browser, axe).forEach(v -> problems.add("refused setting: " + v));
        assertThat(problems).as("axe-core violations").isEmpty();
      } finally {
        browser.quit();
      }
    }
  }
}
