package org.broadsheet.newsroom;

/** What became of a sign-in. */
public sealed interface SignInOutcome {
  /** Signed in: the session's token goes to the browser in a cookie, and nowhere else. */
  record SignedIn(Session session, String token) implements SignInOutcome {}

  /** Wrong email or password: the same words for both, so nobody learns who has an account. */
  record Refused(String message) implements SignInOutcome {}

  /** The account signs in with a code from an authenticator app, and it was missing or wrong. */
  record CodeNeeded(String message) implements SignInOutcome {}

  /** An administrator without two-step sign-in, while the site requires it. */
  record TwoStepRequired(String message) implements SignInOutcome {}

  /** Too many failures for this account or from this address: try again later. */
  record Limited(String message, long retryAfterSeconds) implements SignInOutcome {}
}
