package org.broadsheet.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.broadsheet.importer.MarkdownImporter;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The bytes a phone downloads to read the demo article to its end: the page (gzip), the stylesheet
 * (gzip) and every picture in the article, each picked as a browser picks from {@code srcset} and
 * {@code sizes} for a viewport 390 CSS px wide at 3 device pixels per CSS pixel (the smallest
 * candidate at least as wide as the slot in device pixels, else the widest); a picture without
 * {@code srcset} is its {@code src}. Reading to the end loads the lazy pictures too.
 */
public final class PhoneBytesBench {
  static final int VIEWPORT_CSS_PX = 390;
  static final double DENSITY = 3;
  static final double REM = 16;
  static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";

  private PhoneBytesBench() {}

  public static void main(String[] args) throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      measure(site, ARTICLE);
      // The demo draws its pictures at 1,200 px; a newsroom imports camera files. The same
      // article with a 4,000 × 3,000 px photograph-like lead picture:
      Path folder = Files.createTempDirectory("phone-bench");
      Files.createDirectories(folder.resolve("images"));
      ImageIO.write(cameraLike(4000, 3000), "jpeg", folder.resolve("images/camera.jpg").toFile());
      Path story = folder.resolve("camera.md");
      Files.writeString(
          story,
          """
          ---
          title: "A Camera Picture"
          slug: camera-picture
          image:
            path: images/camera.jpg
            caption: Noise and gradients as a camera file would carry them.
            credit: Bench Desk
            alt: Coloured gradients with fine grain.
          ---
          Body.
          """);
      site.application().importer().importFile(story, MarkdownImporter.Existing.UPDATE);
      measure(site, "/articles/camera-picture");
    }
  }

  /** A picture as heavy to compress as a photograph: gradients under fine grain. */
  static BufferedImage cameraLike(int width, int height) {
    Random random = new Random(42);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 255 / width + random.nextInt(24)) & 0xff;
        int g = (y * 255 / height + random.nextInt(24)) & 0xff;
        int b = ((x + y) * 127 / (width + height) + 64 + random.nextInt(24)) & 0xff;
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  private static void measure(TestSite site, String article) throws Exception {
    {
      String html = site.get(article).body();
      long page = site.getBytes(article, "Accept-Encoding", "gzip").body().length;
      Document document = Jsoup.parse(html);
      long css = 0;
      for (Element link : document.select("link[rel=stylesheet]")) {
        css += site.getBytes(link.attr("href"), "Accept-Encoding", "gzip").body().length;
      }
      Set<String> pictures = new LinkedHashSet<>();
      List<String> picked = new ArrayList<>();
      for (Element img : document.select("main article img")) {
        String url = pick(img);
        if (pictures.add(url)) {
          picked.add(url);
        }
      }
      long pictureBytes = 0;
      StringBuilder each = new StringBuilder();
      for (String url : picked) {
        long bytes = site.getBytes(url).body().length;
        pictureBytes += bytes;
        each.append(String.format("%n  %s: %,d bytes", url, bytes));
      }
      System.out.printf(
          "phone (390 CSS px, 3x) reading %s: %,d bytes in all = page %,d (gzip) + stylesheet %,d (gzip) + %d pictures %,d%s%n",
          article, page + css + pictureBytes, page, css, picked.size(), pictureBytes, each);
    }
  }

  /** The copy a browser picks for this image on the phone. */
  static String pick(Element img) {
    String srcset = img.attr("srcset");
    if (srcset.isBlank()) {
      return img.attr("src");
    }
    double slot = slotWidth(img.attr("sizes")) * DENSITY;
    String best = null;
    int bestWidth = 0;
    String widest = null;
    int widestWidth = 0;
    for (String candidate : srcset.split(",")) {
      String[] parts = candidate.strip().split("\\s+");
      int width = Integer.parseInt(parts[1].replace("w", ""));
      if (width >= slot && (best == null || width < bestWidth)) {
        best = parts[0];
        bestWidth = width;
      }
      if (width > widestWidth) {
        widest = parts[0];
        widestWidth = width;
      }
    }
    return best != null ? best : widest;
  }

  private static final Pattern CONDITION =
      Pattern.compile("\\(min-width:\\s*([0-9.]+)(rem|px)\\)\\s*(.+)");

  /** The slot width in CSS px that {@code sizes} gives at the phone's viewport. */
  static double slotWidth(String sizes) {
    if (sizes.isBlank()) {
      return VIEWPORT_CSS_PX;
    }
    for (String entry : sizes.split(",(?![^(]*\\))")) {
      String size = entry.strip();
      Matcher condition = CONDITION.matcher(size);
      if (condition.matches()) {
        double min = length(condition.group(1), condition.group(2));
        if (VIEWPORT_CSS_PX >= min) {
          return lengthOf(condition.group(3).strip());
        }
        continue;
      }
      return lengthOf(size);
    }
    return VIEWPORT_CSS_PX;
  }

  private static double lengthOf(String size) {
    Matcher calc = Pattern.compile("calc\\(100vw - ([0-9.]+)rem\\)").matcher(size);
    if (calc.matches()) {
      return VIEWPORT_CSS_PX - Double.parseDouble(calc.group(1)) * REM;
    }
    if (size.endsWith("vw")) {
      return VIEWPORT_CSS_PX * Double.parseDouble(size.replace("vw", "")) / 100;
    }
    Matcher length = Pattern.compile("([0-9.]+)(rem|px)").matcher(size);
    if (length.matches()) {
      return length(length.group(1), length.group(2));
    }
    return VIEWPORT_CSS_PX;
  }

  private static double length(String number, String unit) {
    return Double.parseDouble(number) * (unit.equals("rem") ? REM : 1);
  }
}
