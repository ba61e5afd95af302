package org.broadsheet.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver; nothing is downloaded. The
 * background-networking flags keep Chromium from calling out to the internet it cannot reach.
 */
public final class Chromium {
  private Chromium() {}

  public static ChromeDriver start() {
    try {
      Path profile = Files.createTempDirectory("broadsheet-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(new File("/usr/bin/chromium"));
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--no-first-run",
          "--window-size=1280,1600",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File("/usr/bin/chromedriver"))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      // A click returns before the page it submits has arrived; looking for an element of that
      // page waits for it instead of failing at once.
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
      return driver;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path screenshot(ChromeDriver driver, String name) {
    try {
      Path folder = Path.of("target", "screenshots");
      Files.createDirectories(folder);
      Path file = folder.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for a navigation a click started to arrive at the address ending with pathAndQuery. */
  public static void arrivesAt(ChromeDriver driver, String pathAndQuery) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlMatches(".*" + Pattern.quote(pathAndQuery) + "$"));
  }

  /** Waits for a navigation a click started to arrive at an address containing part. */
  public static void arrivesAtAddressWith(ChromeDriver driver, String part) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
  }

  /**
   * Runs axe-core (its script given) on the page the browser shows, for WCAG 2.1 A and AA and axe's
   * best practices; each violation as "rule (impact): up to three of its elements".
   */
  public static List<String> axeViolations(ChromeDriver driver, String axe) {
    driver.executeScript(axe);
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))));");
    @SuppressWarnings("unchecked")
    List<String> violations = (List<String>) result;
    return violations;
  }

  /**
   * Clicks a button that sends a form and waits until the page it answers with has replaced this
   * one: when the answer has the same address (a form shown again, a thank-you page), only the old
   * page's elements going away tells that it has arrived.
   */
  public static void submit(ChromeDriver driver, WebElement button) {
    button.click();
    awaitReplaced(driver, button);
  }

  /** Waits for the page a form answered with, which may be at the address the form was on. */
  public static void awaitReplaced(ChromeDriver driver, WebElement onTheOldPage) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(gone -> isGone(onTheOldPage));
  }

  /**
   * Whether the element's page has been replaced. Asked in the middle of the navigation, Chromium
   * may answer that the node "does not belong to the document" (an inspector error) rather than
   * that the element is stale: both say the old page is gone.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException stale) {
      return true;
    } catch (org.openqa.selenium.WebDriverException detached) {
      if (String.valueOf(detached.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw detached;
    }
  }
}
