package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every picture comes in through one door that refuses what is not a safe picture. */
class PictureIntakeTest {
  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void hostileFilesAreRefusedWithTheirReasonAndNothingIsWritten(Engine engine) throws Exception {
    byte[] png = Pictures.encode(Pictures.halves(64, 48), "png");
    byte[] jpeg = Pictures.encode(Pictures.halves(640, 480), "jpeg");
    byte[] polyglot =
        concat(png, "<html><script>alert(document.cookie)</script></html>".getBytes());
    byte[] appended = concat(png, "PK\u0003\u0004 a zip archive".getBytes());
    byte[] svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
          <script>alert(1)</script><rect width="10" height="10"/>
        </svg>
        """
            .getBytes(StandardCharsets.UTF_8);
    Path tooBig = folder.resolve("images/huge.jpg");
    Files.createDirectories(tooBig.getParent());
    Files.write(tooBig, jpeg);
    try (RandomAccessFile file = new RandomAccessFile(tooBig.toFile(), "rw")) {
      file.setLength(PictureIntake.MAX_BYTES + 1);
    }
    Pictures.write(folder, "bomb.png", Pictures.decompressionBomb());
    Pictures.write(folder, "drawing.png", svg);
    Pictures.write(folder, "polyglot.png", polyglot);
    Pictures.write(folder, "appended.png", appended);
    Pictures.write(folder, "cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));

    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"bomb.png", "50,000 × 50,000 pixels; a side may be at most 12,000"});
    cases.add(
        new String[] {"drawing.png", "is not a JPEG, PNG or WebP picture (its content is an SVG"});
    cases.add(new String[] {"polyglot.png", "markup besides its picture"});
    cases.add(new String[] {"appended.png", "bytes after the end of its PNG picture"});
    cases.add(new String[] {"cut.jpg", "cut short"});
    cases.add(new String[] {"huge.jpg", "20,971,521 bytes; pictures may be at most 20,971,520"});

    try (TestSite site = TestSite.open(engine)) {
      for (String[] hostile : cases) {
        Path story =
            Pictures.story(folder, "story-" + hostile[0].replace('.', '-'), hostile[0], "draft");
        Cli.Run run = Cli.run(site, "import", "markdown", story.toString());
        assertThat(run.exitCode()).as(hostile[0]).isEqualTo(1);
        assertThat(run.err())
            .as(hostile[0])
            .contains(story.toString() + ":")
            .contains("picture \"images/" + hostile[0] + "\" refused")
            .contains(hostile[1]);
      }
      for (String table : List.of("article", "image", "image_file", "image_original")) {
        long rows =
            site.application()
                .database()
                .read(
                    tx ->
                        tx.handle()
                            .createQuery("SELECT COUNT(*) FROM " + table)
                            .mapTo(Long.class)
                            .one());
        assertThat(rows).as(table).isZero();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPhonePictureIsServedUprightWithoutItsPrivateDataAndWithItsCreditInEverySize(Engine engine)
      throws Exception {
    Pictures.write(folder, "phone.jpg", Pictures.fromAPhone(1400, 1000));
    Path story = Pictures.story(folder, "phone", "phone.jpg", "published");
    try (TestSite site = TestSite.serving(engine)) {
      Cli.Run run = Cli.run(site, "import", "markdown", story.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();

      Document page = Jsoup.parse(site.get("/articles/phone").body());
      Element img = page.selectFirst("figure.lead-figure img");
      // Upright: the 1400 × 1000 file turned a quarter is 1000 × 1400.
      assertThat(img.attr("width")).isEqualTo("1000");
      assertThat(img.attr("height")).isEqualTo("1400");
      List<String> candidates = Arrays.stream(img.attr("srcset").split(", ")).toList();
      assertThat(candidates)
          .extracting(c -> c.substring(c.indexOf(' ') + 1))
          .containsExactly("320w", "640w", "960w", "1000w");
      assertThat(img.attr("sizes")).isNotBlank();
      assertThat(img.hasAttr("loading")).as("the lead picture loads at once").isFalse();

      for (String candidate : candidates) {
        String url = candidate.substring(0, candidate.indexOf(' '));
        int width =
            Integer.parseInt(
                candidate.substring(candidate.indexOf(' ') + 1, candidate.length() - 1));
        HttpResponse<byte[]> served = site.getBytes(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("cache-control"))
            .hasValue("public, max-age=31536000, immutable");
        assertThat(served.headers().firstValue("content-type")).hasValue("image/jpeg");
        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(copy.getWidth()).isEqualTo(width);
        assertThat(copy.getHeight()).isEqualTo(Math.round(1400f * width / 1000));
        // Turned clockwise: the red left half is now on top, the blue right half below.
        assertThat(new java.awt.Color(copy.getRGB(width / 2, copy.getHeight() / 5)).getRed())
            .isGreaterThan(200);
        assertThat(new java.awt.Color(copy.getRGB(width / 2, copy.getHeight() * 4 / 5)).getBlue())
            .isGreaterThan(200);

        Metadata metadata =
            ImageMetadataReader.readMetadata(new ByteArrayInputStream(served.body()));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        String everything = new String(served.body(), StandardCharsets.ISO_8859_1);
        assertThat(everything).doesNotContain("PhoneMaker", "Phone 12 Pro", "SN-4455-1234");
        for (Directory directory : metadata.getDirectories()) {
          for (Tag tag : directory.getTags()) {
            assertThat(tag.getTagName()).doesNotContainIgnoringCase("orientation");
          }
        }
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        assertThat(iptc.getString(IptcDirectory.TAG_CREDIT)).isEqualTo("Ina Holm/Agency");
        assertThat(iptc.getString(IptcDirectory.TAG_BY_LINE)).isEqualTo("Ina Holm");
        assertThat(iptc.getString(IptcDirectory.TAG_COPYRIGHT_NOTICE)).isEqualTo("© 2026 Agency");
        XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        assertThat(
                xmp.getXMPMeta().getPropertyString("http://ns.adobe.com/photoshop/1.0/", "Credit"))
            .isEqualTo("Ina Holm/Agency");
      }

      // The file as it came in is kept for the newsroom, never served.
      byte[] original = Files.readAllBytes(folder.resolve("images/phone.jpg"));
      byte[] kept =
          site.application()
              .database()
              .read(
                  tx ->
                      tx.handle()
                          .createQuery("SELECT bytes FROM image_original")
                          .mapTo(byte[].class)
                          .one());
      assertThat(kept).isEqualTo(original);
    }
  }

  @org.junit.jupiter.api.Test
  void webPIsTakenInAndServedAsJpegOrAsPngWhenItHasTransparency() throws Exception {
    // The smallest lossy and alpha WebP files, as browsers' feature tests carry them.
    Pictures.write(
        folder,
        "lossy.webp",
        java.util.Base64.getDecoder()
            .decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA"));
    Pictures.write(
        folder,
        "alpha.webp",
        java.util.Base64.getDecoder()
            .decode(
                "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA=="));
    try (TestSite site = TestSite.serving(Engine.SQLITE)) {
      for (String[] webp :
          List.of(new String[] {"lossy", "image/jpeg"}, new String[] {"alpha", "image/png"})) {
        Path story = Pictures.story(folder, webp[0], webp[0] + ".webp", "published");
        Cli.Run run = Cli.run(site, "import", "markdown", story.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String src =
            Jsoup.parse(site.get("/articles/" + webp[0]).body())
                .selectFirst("figure.lead-figure img")
                .attr("src");
        HttpResponse<byte[]> served = site.getBytes(src);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("content-type")).hasValue(webp[1]);
      }
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
