package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A picture is stored once; each use of it keeps its own caption and alt text. */
class PictureUsesTest {
  @TempDir Path folder;

  private Path story(String slug, String caption, String alt, String body) throws Exception {
    Path file = folder.resolve(slug + ".md");
    Files.writeString(
        file,
        """
        ---
        title: "Uses %s"
        slug: %s
        image:
          path: images/shared.jpg
          caption: "%s"
          credit: Ina Holm/Agency
          alt: "%s"
        ---
        %s
        """
            .formatted(slug, slug, caption, alt, body));
    return file;
  }

  private static Document page(TestSite site, String slug) {
    return Jsoup.parse(site.get("/articles/" + slug).body());
  }

  private static void assertLead(TestSite site, String slug, String caption, String alt) {
    Document page = page(site, slug);
    assertThat(page.selectFirst("figure.lead-figure figcaption").text())
        .isEqualTo(caption + " (Photo: Ina Holm/Agency)");
    assertThat(page.selectFirst("figure.lead-figure img").attr("alt")).isEqualTo(alt);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPictureUsedThreeTimesWithThreeCaptionsKeepsAllThree(Engine engine) throws Exception {
    Pictures.write(folder, "shared.jpg", Pictures.encode(Pictures.halves(800, 600), "jpeg"));
    try (TestSite site = TestSite.serving(engine)) {
      Path first = story("first", "The first caption.", "First alt text.", "Body.");
      assertThat(Cli.run(site, "import", "markdown", first.toString()).exitCode()).isZero();
      assertLead(site, "first", "The first caption.", "First alt text.");

      // Another article with the same file changes nothing of the first.
      Path second = story("second", "The second caption.", "Second alt text.", "Body.");
      assertThat(Cli.run(site, "import", "markdown", second.toString()).exitCode()).isZero();
      assertLead(site, "first", "The first caption.", "First alt text.");
      assertLead(site, "second", "The second caption.", "Second alt text.");

      // A third, which also places it in its body with yet another caption.
      Path third =
          story(
              "third",
              "The third caption.",
              "Third alt text.",
              "Body.\n\n{{< figure src=\"images/shared.jpg\" caption=\"The body's caption.\" >}}\n");
      assertThat(Cli.run(site, "import", "markdown", third.toString()).exitCode()).isZero();
      assertLead(site, "first", "The first caption.", "First alt text.");
      assertLead(site, "second", "The second caption.", "Second alt text.");
      assertLead(site, "third", "The third caption.", "Third alt text.");
      Document thirdPage = page(site, "third");
      assertThat(thirdPage.selectFirst(".article-body figcaption").text())
          // Shown typeset, as the house style's typography says: the apostrophe curls.
          .isEqualTo("The body\u2019s caption. (Photo: Ina Holm/Agency)");
      // Its alt text, not given in the body, is the picture's own: its first use's.
      assertThat(thirdPage.selectFirst(".article-body img").attr("alt"))
          .isEqualTo("First alt text.");

      // Importing the first again with another caption changes only the first.
      Files.writeString(
          first, Files.readString(first).replace("The first caption.", "The first, edited."));
      assertThat(Cli.run(site, "import", "markdown", first.toString()).exitCode()).isZero();
      assertLead(site, "first", "The first, edited.", "First alt text.");
      assertLead(site, "second", "The second caption.", "Second alt text.");

      long pictures =
          site.application()
              .database()
              .read(
                  tx ->
                      tx.handle()
                          .createQuery("SELECT COUNT(*) FROM image")
                          .mapTo(Long.class)
                          .one());
      assertThat(pictures).as("the picture is stored once").isEqualTo(1L);
    }
  }
}
