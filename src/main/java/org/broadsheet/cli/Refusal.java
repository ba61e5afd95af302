package org.broadsheet.cli;

/**
 * A command that will not run as asked, for a reason the operator can fix (exit status 2, one line
 * on standard error, nothing written).
 */
final class Refusal extends RuntimeException {
  Refusal(String message) {
    super(message, null, false, false);
  }
}
