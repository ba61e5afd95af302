package org.broadsheet.newsroom;

import io.javalin.http.Context;
import org.broadsheet.web.FormOrigin;
import org.broadsheet.web.Signer;

/**
 * Cross-site request forgery protection for every form of the newsroom, in two independent checks:
 * the browser must say the form was sent from this site ({@link FormOrigin}, as the comment form
 * checks), and the form must carry a synchronizer token bound to the session (or, before signing
 * in, to a random cookie of the browser's), which another site can neither read nor make.
 *
 * <p>The token is the {@link Signer}'s signature of the binding under a key of its own, without the
 * binding itself, so a page never shows what the session is known by.
 */
final class FormGuard {
  /** The hidden field every newsroom form carries. */
  static final String FIELD = "csrf";

  /** Binds the forms shown before signing in (sign-in, password reset) to this browser. */
  static final String BROWSER_COOKIE = "bs_form";

  private final Signer signer;

  FormGuard(byte[] secret) {
    this.signer = new Signer(secret);
  }

  /** The token a form shown to this session (or browser) carries. */
  String token(String binding) {
    String signed = signer.sign("form:" + binding);
    return signed.substring(signed.lastIndexOf('.') + 1);
  }

  /** Whether a form's token was made for this binding; compared in constant time. */
  boolean valid(String binding, String token) {
    if (binding == null || binding.isEmpty() || token == null || token.contains(".")) {
      return false;
    }
    return signer.verify("form:" + binding + "." + token).isPresent();
  }

  /** Whether the browser says the form was sent from this site (Origin, Referer, Sec-Fetch). */
  static boolean fromThisSite(Context ctx, String baseUrl) {
    return FormOrigin.fromThisSite(ctx, baseUrl);
  }
}
