package org.broadsheet.newsroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random tokens of sessions and reset links: 256 bits, sent to the browser once and stored only
 * as their SHA-256, so a copy of the database signs nobody in.
 */
final class Tokens {
  private static final SecureRandom random = new SecureRandom();

  private Tokens() {}

  static String newToken() {
    byte[] token = new byte[32];
    random.nextBytes(token);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a token has the shape of ours, before any database is asked about it. */
  static boolean wellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }
}
