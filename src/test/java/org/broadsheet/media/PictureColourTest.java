package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers' browsers take a picture without a profile as sRGB: every copy is converted to it. */
class PictureColourTest {
  @TempDir Path folder;

  @Test
  void aJpegInAnotherColourProfileIsServedConvertedToSrgb() throws Exception {
    // A flat grey of 128 in linear RGB is a much lighter grey in sRGB (about 188): a copy that
    // kept the numbers and dropped the profile would show it far too dark.
    BufferedImage grey = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 300; y++) {
      for (int x = 0; x < 400; x++) {
        grey.setRGB(x, y, 0x808080);
      }
    }
    byte[] linear =
        withProfile(
            Pictures.encode(grey, "jpeg"),
            ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
    Pictures.write(folder, "linear.jpg", linear);
    Path story = Pictures.story(folder, "in-linear-rgb", "linear.jpg", "published");
    try (TestSite site = TestSite.serving(Engine.SQLITE)) {
      Cli.Run run = Cli.run(site, "import", "markdown", story.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      String src =
          org.jsoup.Jsoup.parse(site.get("/articles/in-linear-rgb").body())
              .selectFirst("figure.lead-figure img")
              .attr("src");
      byte[] served = site.getBytes(src).body();
      BufferedImage copy = ImageIO.read(new ByteArrayInputStream(served));
      int green = (copy.getRGB(copy.getWidth() / 2, copy.getHeight() / 2) >> 8) & 0xff;
      assertThat(green).isBetween(180, 196);
      assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("ICC_PROFILE");
    }
  }

  /** The JPEG with this ICC profile in an APP2 segment right after its start marker. */
  private static byte[] withProfile(byte[] jpeg, byte[] profile) {
    byte[] marker = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + marker.length + 2 + profile.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xff);
    out.write(0xd8);
    out.write(0xff);
    out.write(0xe2);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(marker);
    out.write(1);
    out.write(1);
    out.writeBytes(profile);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
