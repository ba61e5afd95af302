package org.broadsheet.media;

/**
 * Walks the structure of JPEG, PNG and WebP files to find where the picture ends, so that a
 * truncated file or one with something appended is told apart from a whole picture.
 */
final class PictureStructure {
  /** The file's structure is broken or cut short. */
  static final class Broken extends Exception {
    Broken(String message) {
      super(message);
    }
  }

  private PictureStructure() {}

  /** The offset just after the IEND chunk. */
  static long pngEnd(byte[] b) throws Broken {
    int at = 8;
    boolean header = false;
    while (true) {
      if (at + 8 > b.length) {
        throw new Broken("it ends before its last chunk (IEND); the file was cut short");
      }
      long length = u32(b, at);
      String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long next = at + 12L + length;
      if (next > b.length) {
        throw new Broken("its " + type + " chunk runs past the end of the file; it was cut short");
      }
      if (!header) {
        if (!type.equals("IHDR")) {
          throw new Broken("it does not start with a header chunk");
        }
        header = true;
      }
      if (type.equals("IEND")) {
        return next;
      }
      at = (int) next;
    }
  }

  /** The offset just after the end-of-image marker of the main picture. */
  static long jpegEnd(byte[] b) throws Broken {
    int at = 2;
    while (true) {
      if (at + 2 > b.length) {
        throw new Broken("it ends before its picture data; the file was cut short");
      }
      if ((b[at] & 0xff) != 0xff) {
        throw new Broken("a marker is missing at byte " + at);
      }
      int marker = b[at + 1] & 0xff;
      if (marker == 0xff) {
        at++;
        continue;
      }
      if (marker == 0xd9) {
        return at + 2;
      }
      if (marker >= 0xd0 && marker <= 0xd7 || marker == 0x01) {
        at += 2;
        continue;
      }
      if (at + 4 > b.length) {
        throw new Broken("it ends inside a segment; the file was cut short");
      }
      int length = ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
      int next = at + 2 + length;
      if (length < 2 || next > b.length) {
        throw new Broken("a segment runs past the end of the file; it was cut short");
      }
      if (marker == 0xda) {
        // Entropy-coded data: runs until a marker other than a stuffed byte or a restart.
        int i = next;
        while (true) {
          if (i + 1 >= b.length) {
            throw new Broken(
                "its picture data ends without an end-of-image marker; it was cut short");
          }
          if ((b[i] & 0xff) == 0xff) {
            int m = b[i + 1] & 0xff;
            if (m == 0x00 || (m >= 0xd0 && m <= 0xd7) || m == 0xff) {
              i += m == 0xff ? 1 : 2;
              continue;
            }
            break;
          }
          i++;
        }
        at = i;
        continue;
      }
      at = next;
    }
  }

  /** The offset just after the RIFF container the WebP picture is. */
  static long webpEnd(byte[] b) throws Broken {
    long size = (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
    long end = 8 + size + (size & 1);
    if (end > b.length + (size & 1)) {
      throw new Broken("it is shorter than its header says; it was cut short");
    }
    return Math.min(end, b.length);
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xffL) << 24
        | (b[at + 1] & 0xffL) << 16
        | (b[at + 2] & 0xffL) << 8
        | (b[at + 3] & 0xffL);
  }
}
