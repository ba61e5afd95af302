package org.broadsheet.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.slf4j.LoggerFactory;

/** gzip (the JDK's) and brotli (brotli4j, native) compression, done once per rendering. */
final class Encodings {
  static final boolean BROTLI = loadBrotli();

  private Encodings() {}

  private static boolean loadBrotli() {
    try {
      Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) {
      LoggerFactory.getLogger(Encodings.class)
          .warn("Brotli is not available here; pages are offered with gzip only: {}", e.toString());
      return false;
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out) {
          {
            def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
          }
        }) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] brotli(byte[] bytes) {
    if (!BROTLI) {
      return null;
    }
    try {
      return Encoder.compress(bytes, new Encoder.Parameters().setQuality(9).setWindow(22));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The best encoding the client accepts: br, then gzip, then none. A coding listed with q=0 is
   * refused, as RFC 9110 says.
   */
  static String choose(String acceptEncoding, boolean brotliAvailable) {
    if (acceptEncoding == null || acceptEncoding.isEmpty()) {
      return "identity";
    }
    boolean br = false;
    boolean gzip = false;
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.trim().split(";");
      String coding = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim().replace(" ", "");
        if (parameter.startsWith("q=") && parameter.substring(2).matches("0(\\.0{0,3})?")) {
          refused = true;
        }
      }
      if (refused) {
        continue;
      }
      if (coding.equals("br")) {
        br = true;
      } else if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
        gzip = true;
        br |= coding.equals("*");
      }
    }
    if (br && brotliAvailable) {
      return "br";
    }
    return gzip ? "gzip" : "identity";
  }
}
