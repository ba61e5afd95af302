package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.broadsheet.importer.ImportOutcome;
import org.broadsheet.importer.MarkdownImporter;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.PictureDetails;
import org.broadsheet.media.PictureEdit;
import org.broadsheet.media.PictureLibraryService;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rule the publish action asks: each picture of an article, as the article shows it, has alt
 * text and a credit; and where each picture of the library is used.
 */
class PictureProblemsTest {
  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anArticleWhosePicturesLackAltTextOrCreditIsNamedUntilTheLibraryCompletesThem(Engine engine)
      throws Exception {
    picture("lead.png", Color.RED);
    picture("chart.png", Color.BLUE);
    Path story = folder.resolve("quay.md");
    Files.writeString(
        story,
        """
        ---
        title: "Quay Works Begin"
        slug: quay-works
        status: draft
        image:
          path: images/lead.png
        ---
        The works begin.

        {{< figure src="images/chart.png" alt="A chart of the works' cost by year." >}}
        """);
    try (TestSite site = TestSite.open(engine)) {
      assertThat(site.application().importer().importFile(story, MarkdownImporter.Existing.UPDATE))
          .isInstanceOf(ImportOutcome.Imported.class);
      ArticleService articles = site.application().articles();
      long id = articles.idOf("quay-works").orElseThrow();

      List<PictureProblem> problems = articles.pictureProblems(id);
      assertThat(problems).hasSize(2);
      assertThat(problems.get(0).lead()).isTrue();
      assertThat(problems.get(0).message())
          .startsWith("The lead picture has no alt text and no credit; an article is published");
      assertThat(problems.get(1).reference()).isEqualTo("images/chart.png");
      assertThat(problems.get(1).message())
          .startsWith("The picture \"images/chart.png\" in the body has no credit;");

      Database database = site.application().database();
      PictureLibraryService library =
          new PictureLibraryService(database, new MediaService(database, folder));
      complete(library, database, problems.get(0).imageId(), "Stones stacked on a quay.");
      complete(library, database, problems.get(1).imageId(), "");
      assertThat(articles.pictureProblems(id)).isEmpty();
      assertThat(articles.pictureProblems(id + 1000)).isEmpty();

      var uses =
          articles.pictureUses(List.of(problems.get(0).imageId(), problems.get(1).imageId()));
      assertThat(uses.get(problems.get(0).imageId()))
          .extracting(PictureUse::headline, PictureUse::lead, PictureUse::status)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("Quay Works Begin", true, "draft"));
      assertThat(uses.get(problems.get(1).imageId()))
          .extracting(PictureUse::path, PictureUse::lead)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("/articles/quay-works", false));
    }
  }

  private static void complete(
      PictureLibraryService library, Database database, long id, String alt) {
    PictureDetails before = library.picture(id).orElseThrow();
    PictureEdit edit =
        new PictureEdit(
            before.image().caption(), alt, "Ina Holm", "Ina Holm/Desk", "", "", "", null);
    PictureLibraryService.Remade remade = library.remake(before, edit.rights());
    PictureLibraryService.EditOutcome outcome =
        database.inTransaction(tx -> library.edit(tx, id, edit, remade));
    assertThat(outcome).isInstanceOf(PictureLibraryService.EditOutcome.Saved.class);
  }

  private void picture(String name, Color colour) throws Exception {
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 120, 80);
    g.dispose();
    Path file = folder.resolve("images").resolve(name);
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }
}
