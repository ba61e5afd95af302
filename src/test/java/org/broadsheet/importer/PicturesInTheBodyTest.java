package org.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body's pictures and HTML reach readers as written, or the import says why not. */
class PicturesInTheBodyTest {
  @TempDir Path folder;

  private Path story(String slug, String body) throws Exception {
    Path file = folder.resolve(slug + ".md");
    Files.writeString(
        file, "---\ntitle: \"Body Story %s\"\nslug: %s\n---\n%s\n".formatted(slug, slug, body));
    return file;
  }

  @Test
  void aRemotePictureOrOneInsideAParagraphIsRefusedAndRawHtmlIsImportedWithAWarning()
      throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      Path remote = story("remote", "Text.\n\nSee ![a chart](https://cdn.example.com/c.png) here.");
      Cli.Run refused = Cli.run(site, "import", "markdown", remote.toString());
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err())
          .contains("remote.md:7: picture \"https://cdn.example.com/c.png\" is on another site");

      Path inline = story("inline", "See ![a chart](images/c.png) here.");
      assertThat(Cli.run(site, "import", "markdown", inline.toString()).err())
          .contains("picture \"images/c.png\" is inside a paragraph");
      assertThat(site.application().articles().exists("remote")).isFalse();
      assertThat(site.application().articles().exists("inline")).isFalse();

      Path html = story("html", "Text.\n\n<iframe src=\"https://example.com/\"></iframe>\n");
      Cli.Run warned = Cli.run(site, "import", "markdown", html.toString());
      assertThat(warned.exitCode()).isZero();
      assertThat(warned.out()).contains("/articles/html");
      assertThat(warned.err())
          .contains("warning: " + html + ":7: raw HTML \"<iframe")
          .contains("is not shown on the page");
      assertThat(site.application().articles().any("html").orElseThrow().body())
          .contains("<iframe");
    }
  }
}
