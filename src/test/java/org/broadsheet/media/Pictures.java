package org.broadsheet.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Picture files for tests, made here: plain ones, one full of camera metadata, hostile ones. */
final class Pictures {
  private Pictures() {}

  /** A picture whose left half is red and right half blue. */
  static BufferedImage halves(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JPEG as a phone writes it: GPS position, camera make, model and serial number, and the
   * orientation tag 6 (turn 90° clockwise to show it upright).
   */
  static byte[] fromAPhone(int width, int height) throws Exception {
    byte[] plain = encode(halves(width, height), "jpeg");
    TiffOutputSet exif = new TiffOutputSet();
    TiffOutputDirectory root = exif.getOrCreateRootDirectory();
    root.add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneMaker");
    root.add(TiffTagConstants.TIFF_TAG_MODEL, "Phone 12 Pro");
    root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
    TiffOutputDirectory exifDirectory = exif.getOrCreateExifDirectory();
    exifDirectory.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, "SN-4455-1234");
    exif.setGpsInDegrees(-4.4855, 48.3904);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain, out, exif);
    return out.toByteArray();
  }

  /** A small PNG that declares 50,000 × 50,000 pixels: 2.5 gigapixels if anyone decoded it. */
  static byte[] decompressionBomb() {
    byte[] real = encode(halves(8, 8), "png");
    // IHDR's width and height are the 4-byte numbers at offsets 16 and 20.
    writeInt(real, 16, 50_000);
    writeInt(real, 20, 50_000);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(real, 12, 17);
    writeInt(real, 29, (int) crc.getValue());
    return real;
  }

  private static void writeInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  static Path write(Path folder, String name, byte[] bytes) throws IOException {
    Path file = folder.resolve("images").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  /** A Markdown story whose lead picture is images/{picture}. */
  static Path story(Path folder, String slug, String picture, String status) throws IOException {
    Path file = folder.resolve(slug + ".md");
    Files.writeString(
        file,
        """
        ---
        title: "A Story With a Picture"
        slug: %s
        status: %s
        image:
          path: images/%s
          caption: What the picture shows.
          credit: Ina Holm/Agency
          creator: Ina Holm
          copyright: "© 2026 Agency"
          alt: Two coloured halves.
        ---
        Body.
        """
            .formatted(slug, status, picture));
    return file;
  }
}
