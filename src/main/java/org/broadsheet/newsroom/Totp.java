package org.broadsheet.newsroom;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them: HMAC-SHA1, 30
 * second steps, 6 digits; a code of the step before or after is accepted too, for clocks a little
 * apart. Written on the JDK's Mac: the algorithm is twenty lines, and no small library for it is
 * kept up.
 */
final class Totp {
  static final int STEP_SECONDS = 30;
  static final int DIGITS = 6;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A new secret of 160 bits, in Base32 as authenticator apps take it. */
  static String newSecret() {
    byte[] secret = new byte[20];
    new SecureRandom().nextBytes(secret);
    return base32(secret);
  }

  /** The step whose code this is, within one step of now; empty when it matches none. */
  static OptionalLong matchingStep(String secret, String code, Instant now) {
    String digits = code == null ? "" : code.replaceAll("\\s", "");
    if (!digits.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = now.getEpochSecond() / STEP_SECONDS;
    byte[] key = unbase32(secret);
    OptionalLong found = OptionalLong.empty();
    // Every candidate is computed and compared, so the time taken says nothing of which matched.
    for (long step = current - 1; step <= current + 1; step++) {
      if (java.security.MessageDigest.isEqual(
          code(key, step).getBytes(StandardCharsets.US_ASCII),
          digits.getBytes(StandardCharsets.US_ASCII))) {
        found = OptionalLong.of(step);
      }
    }
    return found;
  }

  /** The code for one step (RFC 4226's dynamic truncation). */
  static String code(byte[] key, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
      return String.format("%0" + DIGITS + "d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The otpauth:// address an authenticator app reads (from a QR code, or typed). */
  static String uri(String issuer, String account, String secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] unbase32(String text) {
    ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        continue;
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return java.util.Arrays.copyOf(out.array(), out.position());
  }
}
