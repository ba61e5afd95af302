package org.broadsheet.storage;

/** The two database engines Broadsheet runs on; the JDBC URL decides which. */
public enum Engine {
  SQLITE,
  POSTGRESQL;

  public static Engine of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "Unsupported database URL \""
            + jdbcUrl
            + "\": use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE");
  }
}
