package org.broadsheet.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The door every picture comes in by, whatever brings it (the Markdown import, the demo edition,
 * the upgrade of pictures stored by an earlier version). Only JPEG, PNG and WebP are taken; the
 * type comes from the bytes, never the name. The size limits are checked from the file's header
 * before a single pixel is decoded, so a small file that declares a huge picture (a decompression
 * bomb) costs nothing. A file that is also something else (markup or script inside or after the
 * picture, bytes after its end) or that ends early is refused. Nothing here writes anything.
 */
public final class PictureIntake {
  /** Largest file accepted. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  /** Longest side, in pixels, of a picture accepted. */
  public static final int MAX_SIDE = 12_000;

  /** Most pixels (width × height) of a picture accepted: 50 megapixels. */
  public static final long MAX_PIXELS = 50_000_000L;

  /** The picture types accepted, with the content type and extension of their files. */
  public enum Format {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    public final String contentType;
    public final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    String readerName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A file that passed every check: its bytes, type and size as its header declares. */
  public record Checked(String name, byte[] bytes, Format format, int width, int height) {}

  /** Accepted, or refused with a reason that names the file. */
  public sealed interface Outcome {
    record Accepted(Checked picture) implements Outcome {}

    record Refused(String reason) implements Outcome {}
  }

  // Markup a browser or a script engine would act on; never part of a real picture.
  private static final String[] MARKUP = {
    "<script", "<html", "<svg", "<!doctype", "<iframe", "<body", "<?php", "javascript:", "<object"
  };

  private PictureIntake() {}

  public static Outcome check(Path file) {
    String name = String.valueOf(file);
    if (!Files.isRegularFile(file)) {
      return new Outcome.Refused("no such file: " + name);
    }
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        return tooBig(name, size);
      }
      return check(name, Files.readAllBytes(file));
    } catch (IOException e) {
      return new Outcome.Refused(name + " could not be read: " + e.getMessage());
    }
  }

  public static Outcome check(String name, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return tooBig(name, bytes.length);
    }
    Format format = formatOf(bytes);
    if (format == null) {
      return new Outcome.Refused(
          "%s is not a JPEG, PNG or WebP picture (its content %s)"
              .formatted(name, whatItLooksLike(bytes)));
    }
    String markup = markupIn(bytes);
    if (markup != null) {
      return new Outcome.Refused(
          "%s holds \"%s\" markup besides its picture; a file that is also a web page or script is refused"
              .formatted(name, markup));
    }
    long end;
    try {
      end =
          switch (format) {
            case PNG -> PictureStructure.pngEnd(bytes);
            case JPEG -> PictureStructure.jpegEnd(bytes);
            case WEBP -> PictureStructure.webpEnd(bytes);
          };
    } catch (PictureStructure.Broken broken) {
      return new Outcome.Refused(
          name + " is not a whole " + format + " file: " + broken.getMessage());
    }
    if (end < bytes.length && !harmlessTrailer(bytes, (int) end, format)) {
      return new Outcome.Refused(
          "%s has %,d bytes after the end of its %s picture; a file that is also another kind of file is refused"
              .formatted(name, bytes.length - end, format));
    }
    int width;
    int height;
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
      if (!readers.hasNext()) {
        return new Outcome.Refused(name + ": no reader for " + format + " is installed");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        // Only the header: no pixel is decoded before the limits below are checked.
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return new Outcome.Refused(
          name + " has a " + format + " header that cannot be read: " + e.getMessage());
    }
    if (width <= 0 || height <= 0) {
      return new Outcome.Refused(name + " declares no pixels");
    }
    if (width > MAX_SIDE || height > MAX_SIDE) {
      return new Outcome.Refused(
          "%s is %,d × %,d pixels; a side may be at most %,d pixels"
              .formatted(name, width, height, MAX_SIDE));
    }
    if ((long) width * height > MAX_PIXELS) {
      return new Outcome.Refused(
          "%s is %,d × %,d pixels (%,d megapixels); pictures may have at most %,d megapixels"
              .formatted(
                  name, width, height, (long) width * height / 1_000_000, MAX_PIXELS / 1_000_000));
    }
    return new Outcome.Accepted(new Checked(name, bytes, format, width, height));
  }

  private static Outcome tooBig(String name, long size) {
    return new Outcome.Refused(
        "%s is %,d bytes; pictures may be at most %,d bytes (20 MB)"
            .formatted(name, size, MAX_BYTES));
  }

  static Format formatOf(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Format.JPEG;
    }
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a
        && b[6] == 0x1a
        && b[7] == 0x0a) {
      return Format.PNG;
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return Format.WEBP;
    }
    return null;
  }

  private static String whatItLooksLike(byte[] bytes) {
    String start =
        new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
            .strip()
            .toLowerCase(Locale.ROOT);
    if (bytes.length == 0) {
      return "is empty";
    }
    if (start.contains("<svg")) {
      return "is an SVG drawing, which can carry scripts";
    }
    if (start.startsWith("<")) {
      return "is markup (HTML or XML)";
    }
    if (start.startsWith("gif8")) {
      return "is a GIF";
    }
    return "starts with bytes of no picture type accepted";
  }

  private static String markupIn(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    for (String markup : MARKUP) {
      if (text.contains(markup)) {
        return markup;
      }
    }
    return null;
  }

  /**
   * Bytes after a picture's end that are no other file: padding, or (JPEG) the further pictures a
   * camera appends (MPF), which are never decoded or served.
   */
  private static boolean harmlessTrailer(byte[] bytes, int end, Format format) {
    if (format == Format.JPEG
        && bytes.length - end >= 3
        && (bytes[end] & 0xff) == 0xff
        && (bytes[end + 1] & 0xff) == 0xd8
        && (bytes[end + 2] & 0xff) == 0xff) {
      return true;
    }
    for (int i = end; i < bytes.length; i++) {
      if (bytes[i] != 0 && (bytes[i] & 0xff) != 0xff) {
        return false;
      }
    }
    return true;
  }
}
