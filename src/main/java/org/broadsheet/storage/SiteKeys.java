package org.broadsheet.storage;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets a site makes for itself on first use and keeps in its database, so every process and node
 * of one site signs and checks with the same key.
 */
public final class SiteKeys {
  private final Database database;

  public SiteKeys(Database database) {
    this.database = database;
  }

  /** The secret with this name, made now if the site has none yet. */
  public byte[] secret(String name) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    String hex =
        database.inTransaction(
            tx -> {
              var h = tx.handle();
              h.createUpdate(
                      "INSERT INTO site_key (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING")
                  .bind("name", name)
                  .bind("secret", HexFormat.of().formatHex(fresh))
                  .execute();
              return h.createQuery("SELECT secret FROM site_key WHERE name = :name")
                  .bind("name", name)
                  .mapTo(String.class)
                  .one();
            });
    return HexFormat.of().parseHex(hex);
  }
}
