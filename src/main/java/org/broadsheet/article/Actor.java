package org.broadsheet.article;

/**
 * Who saved an article, as its revisions record it.
 *
 * @param label what the history shows: a person's email, "command line (alice)", "import"
 * @param userId the newsroom account, or null when no account acted
 */
public record Actor(String label, Long userId) {
  /** The clock publishing a scheduled article when its time comes. */
  public static final Actor SCHEDULE = new Actor("schedule", null);

  /** A Markdown import. */
  public static final Actor IMPORT = new Actor("import", null);

  public Actor {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("an actor needs a label");
    }
  }

  /** A person signed in to the newsroom. */
  public static Actor person(long userId, String email) {
    return new Actor(email, userId);
  }

  /** An operator at the command line, named by their operating-system account. */
  public static Actor commandLine() {
    return new Actor("command line (" + System.getProperty("user.name", "unknown") + ")", null);
  }
}
