package org.broadsheet.audit;

/**
 * Who did something: a signed-in person (their email), an operator at the command line, or an
 * anonymous visitor (a failed sign-in for an unknown account).
 *
 * @param name the actor as the log shows it and is filtered by
 * @param ip the client address, empty for the command line
 */
public record Actor(String name, String ip) {
  public static final String ANONYMOUS = "anonymous";

  /** A person signed in to the newsroom. */
  public static Actor person(String email, String ip) {
    return new Actor(email, ip);
  }

  /** An operator at the command line, named by their operating-system account. */
  public static Actor commandLine() {
    return new Actor("command line (" + System.getProperty("user.name", "unknown") + ")", "");
  }

  public static Actor anonymous(String ip) {
    return new Actor(ANONYMOUS, ip);
  }
}
