package org.broadsheet.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;

/**
 * Articles for a test: filed straight through the article service, as an import would, or written
 * as Markdown files for `import markdown`.
 */
public final class Stories {
  private Stories() {}

  /** Saves (or replaces) the article with this slug; returns its id. */
  public static long file(
      TestSite site,
      String slug,
      String headline,
      String section,
      List<String> tags,
      String author,
      ArticleStatus status,
      Instant publishedAt) {
    return site.application()
        .articles()
        .save(
            new ArticleDraft(
                slug,
                "",
                headline,
                "Standfirst of " + headline + ".",
                "Body of " + headline + ".",
                section,
                tags,
                List.of(author),
                status,
                publishedAt,
                publishedAt,
                null,
                Map.of(),
                null));
  }

  /**
   * A Markdown story with a lead picture (a PNG at images/{slug}.png beside it, drawn in the colour
   * given, so different stories get different bytes); returns the Markdown file.
   */
  public static Path withPicture(Path folder, String slug, Color colour) throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 40; x++) {
      for (int y = 0; y < 30; y++) {
        image.setRGB(x, y, (x + y) % 2 == 0 ? colour.getRGB() : Color.WHITE.getRGB());
      }
    }
    Files.createDirectories(folder.resolve("images"));
    ImageIO.write(image, "png", folder.resolve("images/" + slug + ".png").toFile());
    Path file = folder.resolve(slug + ".md");
    Files.writeString(
        file,
        """
        ---
        title: "Pictures For Every Node"
        slug: %s
        image:
          path: images/%s.png
          caption: A checked pattern.
          credit: Test Desk
          alt: A pattern of coloured and white squares.
        ---
        Body.
        """
            .formatted(slug, slug));
    return file;
  }
}
