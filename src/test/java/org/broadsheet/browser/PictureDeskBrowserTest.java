package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.NodeTools;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A reporter uploads a picture from Chromium's own file field (the browser's multipart form, Origin
 * and cookies pass the desk's checks), completes its alt text, and the library's pages pass
 * axe-core, a refused upload's page included.
 */
@Tag("browser")
class PictureDeskBrowserTest {
  @TempDir Path folder;

  @Test
  void aReporterUploadsAPictureAndCompletesItsAltText() throws Exception {
    String axe = Files.readString(NodeTools.axe());
    BufferedImage drawn = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = drawn.createGraphics();
    g.setColor(new Color(200, 170, 60));
    g.fillRect(0, 0, 900, 600);
    g.dispose();
    Path picture = folder.resolve("sunlit-wall.jpg");
    ImageIO.write(drawn, "jpeg", picture.toFile());
    Path drawing = folder.resolve("drawing.svg");
    Files.writeString(
        drawing, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>1</script></svg>");

    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      Cli.Run added =
          Cli.withInput(
              "a long enough password\n",
              site,
              "users",
              "add",
              "rep@example.org",
              "--name",
              "Rui Reporter",
              "--role",
              "reporter");
      assertThat(added.exitCode()).as(added.err()).isZero();
      ChromeDriver browser = Chromium.start();
      try {
        browser.get(site.url("/newsroom/pictures"));
        browser.findElement(By.id("sign-in-email")).sendKeys("rep@example.org");
        browser.findElement(By.id("sign-in-password")).sendKeys("a long enough password");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.arrivesAt(browser, "/newsroom/pictures");

        List<String> problems = new ArrayList<>();
        problems.addAll(axe(browser, axe, "library"));

        browser.findElement(By.id("upload-file")).sendKeys(drawing.toString());
        browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        assertThat(browser.findElement(By.id("upload-problem")).getText())
            .contains("drawing.svg is not a JPEG, PNG or WebP picture");
        problems.addAll(axe(browser, axe, "refused upload"));

        browser.findElement(By.id("upload-file")).sendKeys(picture.toString());
        Chromium.submit(
            browser, browser.findElement(By.cssSelector("form[enctype] button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
            .contains("Uploaded");
        String address = browser.getCurrentUrl();
        browser.findElement(By.id("picture-alt")).sendKeys("A sunlit ochre wall.");
        browser.findElement(By.id("picture-credit")).sendKeys("Rui Reporter");
        browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
        Chromium.arrivesAtAddressWith(browser, "?saved");
        assertThat(browser.findElement(By.id("picture-alt")).getText())
            .isEqualTo("A sunlit ochre wall.");
        problems.addAll(axe(browser, axe, "picture"));

        browser.get(site.url("/newsroom/pictures?q=rui+reporter"));
        assertThat(browser.findElements(By.cssSelector(".picture-card"))).hasSize(1);
        assertThat(address).contains("/newsroom/pictures/");
        assertThat(problems).as("axe-core violations").isEmpty();
      } finally {
        browser.quit();
      }
    }
  }

  private static List<String> axe(ChromeDriver browser, String axe, String page) {
    List<String> violations = Chromium.axeViolations(browser, axe);
    return violations.stream().map(v -> page + ": " + v).toList();
  }
}
