package org.broadsheet.media;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.png.PngImageParser;
import org.apache.commons.imaging.formats.png.PngImagingParameters;

/**
 * Makes the copies of a picture that readers are served: decoded, turned upright by its EXIF
 * orientation, converted to sRGB, scaled to each width of {@link Image#WIDTHS} it is wider than
 * (never up), and encoded afresh (PNG for a PNG or a picture with transparency, JPEG for the rest),
 * so none of the file's own metadata (GPS, camera, serial numbers, thumbnails) comes along. The
 * picture's rights are then written into each copy as XMP (and IPTC in JPEGs), so the credit
 * travels with it.
 */
final class CleanCopies {
  /** Raised when a copy's recipe changes, so pictures stored earlier are made again at start. */
  static final int RECIPE = 1;

  static final float JPEG_QUALITY = 0.82f;

  /** Most pixels decoded at once; a larger picture is read with subsampling. */
  static final long DECODED_PIXELS = 16_000_000L;

  /** One served copy: its width and height, type and bytes. */
  record Copy(int width, int height, PictureIntake.Format format, byte[] bytes) {}

  private CleanCopies() {}

  /**
   * The copies of a checked picture, widest first; the widest is at most {@link Image#MAX_WIDTH}.
   */
  static List<Copy> make(PictureIntake.Checked picture, int orientation, Rights rights)
      throws IOException {
    return make(picture, orientation, rights, null);
  }

  /**
   * The copies of a crop of the picture (null: the whole picture), made as the picture's are: the
   * crop is taken of the upright picture, and its copies' widths are those it is wider than.
   */
  static List<Copy> make(PictureIntake.Checked picture, int orientation, Rights rights, Crop crop)
      throws IOException {
    BufferedImage upright = orient(toSrgb(decode(picture), picture), orientation);
    if (crop != null) {
      upright = cut(upright, crop);
    }
    // A PNG is most often a graphic (a chart, a map, a logo) whose sharp edges JPEG would blur;
    // a photo comes as JPEG or WebP and is served as JPEG unless it has transparency.
    boolean transparent = transparent(upright);
    boolean lossless = transparent || picture.format() == PictureIntake.Format.PNG;
    PictureIntake.Format format = lossless ? PictureIntake.Format.PNG : PictureIntake.Format.JPEG;
    BufferedImage pixels = transparent ? argb(upright) : rgb(upright);
    String xmp = Xmp.of(rights);
    List<Copy> copies = new ArrayList<>();
    for (int width : Image.widthsFor(Math.min(pixels.getWidth(), Image.MAX_WIDTH))) {
      int height = Math.max(1, Math.round((float) pixels.getHeight() * width / pixels.getWidth()));
      BufferedImage scaled =
          width == pixels.getWidth()
              ? pixels
              : Thumbnails.of(pixels).size(width, height).keepAspectRatio(false).asBufferedImage();
      byte[] bytes = lossless ? png(scaled, xmp) : jpeg(scaled, xmp, rights);
      copies.add(new Copy(width, height, format, bytes));
    }
    return copies.reversed();
  }

  /**
   * Decodes the picture; one far wider than any copy, or over {@link #DECODED_PIXELS}, is read with
   * subsampling, so that even a picture at the intake's limits needs at most 16 million pixels in
   * memory.
   */
  private static BufferedImage decode(PictureIntake.Checked picture) throws IOException {
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(picture.bytes()))) {
      Iterator<ImageReader> readers =
          ImageIO.getImageReadersByFormatName(picture.format().readerName());
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
        // Every n-th pixel of every n-th row: still wider than the widest copy, and never
        // more than DECODED_PIXELS in memory.
        int longest = Math.max(picture.width(), picture.height());
        long pixels = (long) picture.width() * picture.height();
        int step =
            Math.max(
                Math.max(1, longest / (2 * Image.MAX_WIDTH)),
                (int) Math.ceil(Math.sqrt((double) pixels / DECODED_PIXELS)));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
          throw new IOException("no picture in the file");
        }
        return image;
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * Pixels in sRGB. A decoder that applied the file's colour profile hands back pixels in that
   * profile's space, converted here; one that ignored it (PNG's iCCP) is given the profile here.
   */
  private static BufferedImage toSrgb(BufferedImage image, PictureIntake.Checked picture) {
    ColorSpace space = image.getColorModel().getColorSpace();
    if (!space.isCS_sRGB()) {
      return convert(image, space);
    }
    if (picture.format() == PictureIntake.Format.PNG) {
      try {
        ICC_Profile profile = Imaging.getIccProfile(picture.bytes());
        if (profile != null
            && profile.getColorSpaceType() == ColorSpace.TYPE_RGB
            && !isSrgb(profile)) {
          return convert(image, new ICC_ColorSpace(profile));
        }
      } catch (IOException | RuntimeException e) {
        // An unreadable profile: the pixels are taken as sRGB, as browsers do.
      }
    }
    return image;
  }

  private static boolean isSrgb(ICC_Profile profile) {
    ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
    return java.util.Arrays.equals(
        profile.getData(ICC_Profile.icSigRedColorantTag),
        srgb.getData(ICC_Profile.icSigRedColorantTag));
  }

  private static BufferedImage convert(BufferedImage image, ColorSpace from) {
    BufferedImage source = image;
    if (image.getColorModel().getColorSpace() != from) {
      // Same samples, read in the profile's space.
      source =
          new BufferedImage(
              new java.awt.image.ComponentColorModel(
                  from,
                  image.getColorModel().hasAlpha(),
                  false,
                  image.getColorModel().hasAlpha()
                      ? java.awt.Transparency.TRANSLUCENT
                      : java.awt.Transparency.OPAQUE,
                  java.awt.image.DataBuffer.TYPE_BYTE),
              componentRaster(image),
              false,
              null);
    }
    boolean alpha = source.getColorModel().hasAlpha();
    BufferedImage target =
        new BufferedImage(
            source.getWidth(),
            source.getHeight(),
            alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    new ColorConvertOp(null).filter(source, target);
    return target;
  }

  private static java.awt.image.WritableRaster componentRaster(BufferedImage image) {
    boolean alpha = image.getColorModel().hasAlpha();
    int bands = alpha ? 4 : 3;
    java.awt.image.WritableRaster raster =
        java.awt.image.Raster.createInterleavedRaster(
            java.awt.image.DataBuffer.TYPE_BYTE, image.getWidth(), image.getHeight(), bands, null);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int argb = image.getRGB(x, y);
        raster.setSample(x, y, 0, (argb >> 16) & 0xff);
        raster.setSample(x, y, 1, (argb >> 8) & 0xff);
        raster.setSample(x, y, 2, argb & 0xff);
        if (alpha) {
          raster.setSample(x, y, 3, (argb >>> 24) & 0xff);
        }
      }
    }
    return raster;
  }

  /** Turns the pixels as EXIF orientation 1–8 says, so the copy needs no orientation tag. */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> {
        t.translate(w, 0);
        t.scale(-1, 1);
      }
      case 3 -> {
        t.translate(w, h);
        t.rotate(Math.PI);
      }
      case 4 -> {
        t.translate(0, h);
        t.scale(1, -1);
      }
      case 5 -> {
        t.rotate(-Math.PI / 2);
        t.scale(-1, 1);
      }
      case 6 -> {
        t.translate(h, 0);
        t.rotate(Math.PI / 2);
      }
      case 7 -> {
        t.scale(-1, 1);
        t.translate(-h, 0);
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      case 8 -> {
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      default -> {}
    }
    boolean swap = orientation >= 5;
    BufferedImage target =
        new BufferedImage(
            swap ? h : w,
            swap ? w : h,
            image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /** The part of the picture a crop takes, as pixels of their own. */
  private static BufferedImage cut(BufferedImage image, Crop crop) {
    int[] box = crop.box(image.getWidth(), image.getHeight());
    BufferedImage part =
        new BufferedImage(
            box[2],
            box[3],
            image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = part.createGraphics();
    try {
      g.drawImage(image, -box[0], -box[1], null);
    } finally {
      g.dispose();
    }
    return part;
  }

  private static boolean transparent(BufferedImage image) {
    if (!image.getColorModel().hasAlpha()) {
      return false;
    }
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) >>> 24) != 0xff) {
          return true;
        }
      }
    }
    return false;
  }

  private static BufferedImage rgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static BufferedImage argb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
      return image;
    }
    BufferedImage argb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = argb.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return argb;
  }

  private static byte[] jpeg(BufferedImage image, String xmp, Rights rights) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(encoded)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    try {
      ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
      new JpegXmpRewriter().updateXmpXml(encoded.toByteArray(), withXmp, xmp);
      List<IptcRecord> records = Iptc.records(rights);
      if (records.isEmpty()) {
        return withXmp.toByteArray();
      }
      ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
      new JpegIptcRewriter()
          .writeIptc(
              withXmp.toByteArray(),
              withIptc,
              new PhotoshopApp13Data(records, new ArrayList<>(), true));
      return withIptc.toByteArray();
    } catch (org.apache.commons.imaging.ImagingException e) {
      throw new IOException("could not write the picture's rights: " + e.getMessage(), e);
    }
  }

  private static byte[] png(BufferedImage image, String xmp) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PngImagingParameters params = new PngImagingParameters();
    params.setXmpXml(xmp);
    new PngImageParser().writeImage(image, out, params);
    return out.toByteArray();
  }

  /** IPTC records of the rights a copy carries. */
  private static final class Iptc {
    static List<IptcRecord> records(Rights rights) {
      List<IptcRecord> records = new ArrayList<>();
      add(records, IptcTypes.BYLINE, rights.creator());
      add(records, IptcTypes.CREDIT, rights.credit());
      add(records, IptcTypes.COPYRIGHT_NOTICE, rights.copyright());
      add(records, IptcTypes.SOURCE, rights.source());
      return records;
    }

    private static void add(List<IptcRecord> records, IptcTypes type, String value) {
      if (!value.isBlank()) {
        records.add(new IptcRecord(type, value));
      }
    }
  }
}
