package org.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.broadsheet.article.Actor;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService.SaveOutcome;
import org.broadsheet.media.Crop;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownImportTest {
  @TempDir Path folder;
  private TestSite site;

  @BeforeEach
  void openSite() throws IOException {
    site = TestSite.open(Engine.SQLITE);
    Files.createDirectories(folder.resolve("images"));
    picture(folder.resolve("images/lead.jpg"), 64, 48);
    picture(folder.resolve("images/second.png"), 32, 20);
  }

  @AfterEach
  void closeSite() {
    site.close();
  }

  private static void picture(Path file, int width, int height) throws IOException {
    String format = file.toString().endsWith(".png") ? "png" : "jpg";
    ImageIO.write(
        new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, file.toFile());
  }

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String GOOD =
      """
      ---
      title: "Ferry Strike Ends After Talks Through the Night"
      kicker: Breaking
      standfirst: Crews return to work on Monday.
      slug: ferry-strike-ends
      section: Business
      tags: [ferries, strikes]
      authors: [Ada Quill, Ben Marsh]
      date: 2026-11-20T08:30:00Z
      status: published
      image:
        path: images/lead.jpg
        caption: Ferries moored at the quay.
        credit: Ina Holm/Agency
        alt: Three ferries side by side at a quay.
      ---
      The strike is ovre, the union said.

      {{< figure src="images/second.png" alt="Union members vote" caption="The vote." attr="Ben Marsh" >}}

      > "We got what we asked for," a steward said.

      ![A ferry leaving port](images/lead.jpg "Leaving port.")
      """;

  private Cli.Run importCommand(Path... files) {
    String[] words = new String[files.length + 2];
    words[0] = "import";
    words[1] = "markdown";
    for (int i = 0; i < files.length; i++) {
      words[i + 2] = files[i].toString();
    }
    return Cli.run(site, words);
  }

  @Test
  void importsAnArticleWithItsPicturesAndPrintsItsPublicPath() throws IOException {
    Path file = write("ferry.md", GOOD);
    Cli.Run run = importCommand(file);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("/articles/ferry-strike-ends");
    Article article = site.application().articles().published("ferry-strike-ends").orElseThrow();
    assertThat(article.kicker()).isEqualTo("Breaking");
    assertThat(article.section().name()).isEqualTo("Business");
    assertThat(article.authors()).hasSize(2);
    assertThat(article.leadImage().credit()).isEqualTo("Ina Holm/Agency");
    assertThat(article.leadImage().width()).isEqualTo(64);
    assertThat(article.figures()).containsKeys("images/second.png", "images/lead.jpg");
    assertThat(article.body()).contains("The strike is ovre, the union said.");
    String html = site.application().articles().renderBody(article);
    assertThat(html).contains("<figure>", "(Photo: Ben Marsh)", "<blockquote>");
  }

  @Test
  void importingTheSameFileAgainUpdatesTheArticle() throws IOException {
    Path file = write("ferry.md", GOOD);
    assertThat(importCommand(file).exitCode()).isZero();
    write("ferry.md", GOOD.replace("Breaking", "Update"));
    Cli.Run again = importCommand(file);

    assertThat(again.exitCode()).isZero();
    assertThat(again.out().strip()).isEqualTo("/articles/ferry-strike-ends");
    assertThat(site.application().articles().latest(1, 50).articles()).hasSize(1);
    assertThat(site.application().articles().published("ferry-strike-ends").orElseThrow().kicker())
        .isEqualTo("Update");
  }

  @Test
  void importingAgainKeepsTheCardCropTheDeskGaveTheSamePicture() throws IOException {
    Path file = write("ferry.md", GOOD);
    assertThat(importCommand(file).exitCode()).isZero();
    var articles = site.application().articles();
    long id = articles.desk("ferry-strike-ends").orElseThrow().id();
    var editable = articles.editable(id).orElseThrow();
    Crop square = new Crop("1:1", 25, 50);
    assertThat(
            articles.update(
                id,
                editable.version(),
                editable.draft().withCardCrop(square, "Two ferries, cropped square"),
                Actor.commandLine()))
        .isInstanceOf(SaveOutcome.Saved.class);

    write("ferry.md", GOOD.replace("Breaking", "Update"));
    assertThat(importCommand(file).exitCode()).isZero();
    var reimported = articles.editable(id).orElseThrow().draft();
    assertThat(reimported.kicker()).isEqualTo("Update");
    assertThat(reimported.cardCrop()).isEqualTo(square);
    assertThat(reimported.cardAltText()).isEqualTo("Two ferries, cropped square");

    // Another lead picture: the crop was of the former one.
    picture(folder.resolve("images/other.jpg"), 80, 60);
    write(
        "ferry.md",
        GOOD.replace("path: images/lead.jpg", "path: images/other.jpg")
            .replace("![A ferry leaving port](images/lead.jpg \"Leaving port.\")", ""));
    Cli.Run newLead = importCommand(file);
    assertThat(newLead.exitCode()).as(newLead.err()).isZero();
    assertThat(articles.editable(id).orElseThrow().draft().cardCrop()).isNull();
  }

  @Test
  void importsEveryMarkdownFileOfAFolder() throws IOException {
    write("one.md", GOOD);
    write("two.markdown", GOOD.replace("ferry-strike-ends", "second-story"));
    Cli.Run run = importCommand(folder);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .containsExactly("/articles/ferry-strike-ends", "/articles/second-story");
  }

  private void assertRefused(String name, String text, int line, String message)
      throws IOException {
    Path file = write(name, text);
    Cli.Run run = importCommand(file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(file + (line > 0 ? ":" + line + ":" : ":")).contains(message);
    assertThat(run.out()).isEmpty();
    assertThat(site.application().articles().latest(1, 50).articles()).isEmpty();
    assertThat(site.application().articles().sections()).isEmpty();
  }

  @Test
  void fileWithoutFrontMatterIsRefused() throws IOException {
    assertRefused("plain.md", "Just text.\n", 1, "must start with YAML front matter");
  }

  @Test
  void unclosedFrontMatterIsRefused() throws IOException {
    assertRefused("open.md", "---\ntitle: x\nBody\n", 1, "never closed");
  }

  @Test
  void invalidYamlIsRefusedWithItsLine() throws IOException {
    assertRefused(
        "yaml.md", "---\ntitle: ok\ntags: [a, b\nslug: x\n---\nBody\n", 0, "not valid YAML");
  }

  @Test
  void missingTitleIsRefused() throws IOException {
    assertRefused("untitled.md", "---\nslug: x\n---\nBody\n", 1, "title field is required");
  }

  @Test
  void badDateIsRefusedWithItsLine() throws IOException {
    assertRefused(
        "date.md",
        GOOD.replace("date: 2026-11-20T08:30:00Z", "date: next tuesday"),
        9,
        "not a date");
  }

  @Test
  void badStatusIsRefusedWithItsLine() throws IOException {
    assertRefused(
        "status.md",
        GOOD.replace("status: published", "status: maybe"),
        10,
        "must be draft, in-review, scheduled, published, unpublished or trash");
  }

  @Test
  void badSlugIsRefusedWithItsLine() throws IOException {
    assertRefused(
        "slug.md", GOOD.replace("slug: ferry-strike-ends", "slug: Ferry Strike!"), 5, "slug");
  }

  @Test
  void unknownFieldIsRefusedWithItsLine() throws IOException {
    assertRefused(
        "field.md",
        GOOD.replace("kicker: Breaking", "kikcer: Breaking"),
        3,
        "unknown field \"kikcer\"");
  }

  @Test
  void missingLeadPictureIsRefusedWithItsLine() throws IOException {
    assertRefused(
        "lead.md",
        GOOD.replace("images/lead.jpg\n  caption", "images/none.jpg\n  caption"),
        11,
        "images/none.jpg");
  }

  @Test
  void missingFigurePictureIsRefusedWithTheBodyLine() throws IOException {
    assertRefused(
        "figure.md", GOOD.replace("images/second.png", "images/gone.png"), 19, "images/gone.png");
  }

  @Test
  void pictureOnAnotherSiteIsRefused() throws IOException {
    assertRefused(
        "remote.md",
        GOOD.replace("src=\"images/second.png\"", "src=\"https://cdn.example/x.png\""),
        19,
        "another site");
  }

  @Test
  void fileThatIsNotAPictureIsRefused() throws IOException {
    Files.writeString(folder.resolve("images/fake.jpg"), "not a picture");
    assertRefused(
        "fake.md",
        GOOD.replace("images/lead.jpg\n  caption", "images/fake.jpg\n  caption"),
        11,
        "is not a JPEG, PNG or WebP picture");
  }

  @Test
  void textThatIsNotUtf8IsRefused() throws IOException {
    Path file = folder.resolve("latin1.md");
    Files.write(file, "---\ntitle: Caf\u00e9\n---\nBody\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run run = importCommand(file);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("not valid UTF-8");
  }

  @Test
  void overlongHeadlineIsRefused() throws IOException {
    assertRefused(
        "long.md",
        GOOD.replace("Ferry Strike Ends After Talks Through the Night", "x".repeat(401)),
        2,
        "at most 400");
  }

  @Test
  void goodFilesAreImportedBesideABadOne() throws IOException {
    Path good = write("good.md", GOOD);
    Path bad = write("bad.md", "no front matter");
    Cli.Run run = importCommand(good, bad);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().strip()).isEqualTo("/articles/ferry-strike-ends");
    assertThat(run.err()).contains(bad.toString());
  }
}
