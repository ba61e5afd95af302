package org.broadsheet.newsroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (BouncyCastle), as OWASP's password storage cheat sheet suggests:
 * 19 MiB of memory, 2 iterations, 1 lane, a random 16-byte salt and a 32-byte hash, written as a
 * self-describing PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) so the parameters can be
 * raised later without breaking stored hashes. Comparison takes constant time.
 */
final class Passwords {
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 1000;

  private static final Pattern ENCODED =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private static final String GENERATED_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom random = new SecureRandom();

  /**
   * A hash of nothing anyone typed, checked for unknown accounts so they take as long; made on
   * first use, so commands that never sign anyone in do not pay for it.
   */
  private static final class Decoy {
    static final String HASH = hash("decoy password for unknown accounts");
  }

  private Passwords() {}

  /** Why a new password is refused, or empty. */
  static Optional<String> problemWith(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("A password must be at least " + MIN_LENGTH + " characters long.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("A password must be at most " + MAX_LENGTH + " characters long.");
    }
    return Optional.empty();
  }

  /** A new random password: 24 letters and digits that cannot be mistaken for each other. */
  static String generate() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      if (i > 0 && i % 6 == 0) {
        password.append('-');
      }
      password.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
    }
    return password.toString();
  }

  static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            MEMORY_KIB,
            ITERATIONS,
            PARALLELISM,
            B64.encodeToString(salt),
            B64.encodeToString(hash));
  }

  /** Whether the password is the one hashed; an unreadable hash matches nothing. */
  static boolean matches(String password, String encoded) {
    Matcher parts = ENCODED.matcher(encoded == null ? "" : encoded);
    if (!parts.matches() || password == null || password.length() > MAX_LENGTH) {
      return false;
    }
    byte[] salt = B64D.decode(parts.group(4));
    byte[] expected = B64D.decode(parts.group(5));
    byte[] actual =
        argon2(
            password,
            salt,
            Integer.parseInt(parts.group(1)),
            Integer.parseInt(parts.group(2)),
            Integer.parseInt(parts.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** Spends the time of a real check, for an account that does not exist. */
  static void checkDecoy(String password) {
    matches(password == null ? "" : password, Decoy.HASH);
  }

  private static byte[] argon2(
      String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .build());
    byte[] secret =
        Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    byte[] hash = new byte[length];
    try {
      generator.generateBytes(secret, hash);
      return hash;
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
