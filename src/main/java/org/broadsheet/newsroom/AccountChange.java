package org.broadsheet.newsroom;

/** The outcome of a change to someone's account, as the command line and later screens ask. */
public sealed interface AccountChange {
  /** Done; nothing to show but the account. */
  record Done(User user) implements AccountChange {}

  /** Done with a password the site made up, shown this once and never again. */
  record Generated(User user, String password) implements AccountChange {}

  /** Two-step sign-in set up: the secret and its otpauth:// address, shown this once. */
  record TwoStep(User user, String secret, String uri) implements AccountChange {}

  /** Not done, for a reason the operator can fix; nothing was changed. */
  record Refused(String reason) implements AccountChange {}
}
