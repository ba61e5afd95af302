package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor writes an article in a real browser without any script of ours: a refused save keeps
 * what was typed, the saved one opens in the editor, a lead picture is uploaded with the editor's
 * own form, and every desk page passes axe-core.
 */
@Tag("browser")
class EditorBrowserTest {
  @Test
  void anEditorWritesAnArticleInChromium() throws Exception {
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
              "Dee Desk",
              "--role",
              "editor");
      assertThat(added.exitCode()).as(added.err()).isZero();
      ChromeDriver browser = Chromium.start();
      List<String> problems = new ArrayList<>();
      try {
        browser.get(site.url("/newsroom/articles/new"));
        browser.findElement(By.id("sign-in-email")).sendKeys("desk@example.org");
        browser.findElement(By.id("sign-in-password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.arrivesAt(browser, "/newsroom/articles/new");

        browser.findElement(By.id("editor-headline")).sendKeys("Tide Gauge Returns to the Pier");
        browser.findElement(By.id("editor-body")).sendKeys("A short first paragraph.");
        browser.findElement(By.id("editor-section")).sendKeys("Local");
        browser.findElement(By.id("editor-slug")).sendKeys("Not a slug");
        browser.findElement(By.cssSelector("form.editor-form button.submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(ExpectedConditions.presenceOfElementLocated(By.id("editor-slug-problem")));
        assertThat(browser.findElement(By.id("editor-slug-problem")).getText())
            .contains("lower-case letters");
        assertThat(browser.findElement(By.id("editor-body")).getAttribute("value"))
            .isEqualTo("A short first paragraph.");
        check(browser, axe, "the refused form", problems);

        browser.findElement(By.id("editor-slug")).clear();
        browser.findElement(By.cssSelector("form.editor-form button.submit")).click();
        Chromium.arrivesAtAddressWith(browser, "?done=saved");
        String editor = browser.getCurrentUrl().replaceAll("\\?.*", "");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Saved.");
        check(browser, axe, "the saved article", problems);

        // A lead picture uploaded with the form itself, and the card's crop of it.
        java.nio.file.Path picture = Files.createTempFile("pier-gauge", ".png");
        try {
          java.awt.image.BufferedImage drawn =
              new java.awt.image.BufferedImage(640, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
          java.awt.Graphics2D g = drawn.createGraphics();
          g.setColor(new java.awt.Color(30, 90, 150));
          g.fillRect(0, 0, 640, 400);
          g.dispose();
          javax.imageio.ImageIO.write(drawn, "png", picture.toFile());
          browser
              .findElement(By.id("editor-lead-file"))
              .sendKeys(picture.toAbsolutePath().toString());
          browser.findElement(By.id("editor-lead-alt")).sendKeys("A blue test card");
          new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("editor-card-ratio")))
              .selectByValue("1:1");
          Chromium.submit(
              browser, browser.findElement(By.cssSelector("form.editor-form button.submit")));
          Chromium.arrivesAtAddressWith(browser, "?done=saved");
        } finally {
          Files.deleteIfExists(picture);
        }
        assertThat(browser.findElement(By.id("editor-lead-image")).getAttribute("value"))
            .matches("\\d+");
        assertThat(browser.findElement(By.cssSelector(".editor-lead-picture figcaption")).getText())
            .startsWith("Picture ");
        assertThat(browser.findElement(By.id("editor-lead-alt")).getAttribute("value"))
            .isEqualTo("A blue test card");
        check(browser, axe, "the article with its uploaded lead", problems);

        // Credited in the library, published: the front page shows the card's crop.
        String pictureId = browser.findElement(By.id("editor-lead-image")).getAttribute("value");
        browser.get(site.url("/newsroom/pictures/" + pictureId));
        browser.findElement(By.id("picture-credit")).sendKeys("Harbour Desk");
        Chromium.submit(
            browser, browser.findElement(By.cssSelector("main form.newsroom-form button.submit")));
        browser.get(editor);
        Chromium.submit(
            browser,
            browser.findElement(
                By.xpath("//form[contains(@action,'/move')]//button[.='Publish now']")));
        browser.get(site.url("/"));
        org.openqa.selenium.WebElement card =
            browser.findElement(By.cssSelector("img[alt='A blue test card']"));
        assertThat(card.getAttribute("width")).isEqualTo(card.getAttribute("height"));
        check(browser, axe, "the front page with a cropped card", problems);

        for (String path : List.of("/newsroom", "/newsroom/articles", "/newsroom/articles/new")) {
          browser.get(site.url(path));
          check(browser, axe, path, problems);
        }
        browser.get(editor + "/revisions");
        check(browser, axe, "revisions", problems);
        assertThat(problems).as("axe-core violations").isEmpty();
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
