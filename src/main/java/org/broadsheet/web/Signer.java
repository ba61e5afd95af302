package org.broadsheet.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs short texts with a key of the site's (HMAC-SHA256) so readers' cookies and links can't be
 * forged. Comment cookies and unsubscribe links use it; sign-in will too.
 */
public final class Signer {
  private final SecretKeySpec key;

  public Signer(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  public String sign(String value) {
    return value + "." + mac(value);
  }

  /** The value of a signed text, if its signature is ours. */
  public Optional<String> verify(String signed) {
    if (signed == null) {
      return Optional.empty();
    }
    int dot = signed.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String value = signed.substring(0, dot);
    byte[] expected = mac(value).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Optional.of(value) : Optional.empty();
  }

  private String mac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
