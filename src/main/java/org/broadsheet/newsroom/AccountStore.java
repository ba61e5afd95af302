package org.broadsheet.newsroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.broadsheet.storage.Transaction;

/**
 * All SQL of the newsroom's accounts: people, sessions, failed sign-ins and reset links. Every
 * method runs on the transaction its service opened.
 */
final class AccountStore {
  /** What sign-in checks, which never leaves this feature. */
  record Credentials(User user, String passwordHash, String totpSecret) {}

  /** A session as stored: whose, and when it began and was last used. */
  record StoredSession(User user, Instant createdAt, Instant lastSeenAt) {}

  private static final String USER_COLUMNS =
      "u.id, u.email, u.name, u.role, u.password_hash, u.totp_secret, u.disabled_at, u.created_at,"
          + " u.author_slug";

  private static User user(ResultSet rs) throws SQLException {
    rs.getLong("disabled_at");
    boolean disabled = !rs.wasNull();
    return new User(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("name"),
        Role.parse(rs.getString("role")).orElseThrow(),
        rs.getString("author_slug"),
        disabled,
        !rs.getString("totp_secret").isEmpty(),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private static Credentials credentials(ResultSet rs) throws SQLException {
    return new Credentials(user(rs), rs.getString("password_hash"), rs.getString("totp_secret"));
  }

  Optional<Credentials> byEmail(Transaction tx, String email) {
    return tx.handle()
        .createQuery("SELECT " + USER_COLUMNS + " FROM newsroom_user u WHERE u.email = :email")
        .bind("email", email)
        .map((rs, ctx) -> credentials(rs))
        .findOne();
  }

  Optional<Credentials> byId(Transaction tx, long id) {
    return tx.handle()
        .createQuery("SELECT " + USER_COLUMNS + " FROM newsroom_user u WHERE u.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> credentials(rs))
        .findOne();
  }

  List<User> all(Transaction tx) {
    return tx.handle()
        .createQuery("SELECT " + USER_COLUMNS + " FROM newsroom_user u ORDER BY u.email")
        .map((rs, ctx) -> user(rs))
        .list();
  }

  long add(
      Transaction tx,
      String email,
      String name,
      Role role,
      String passwordHash,
      String authorSlug,
      Instant now) {
    return tx.handle()
        .createUpdate(
            """
            INSERT INTO newsroom_user (email, name, role, password_hash, author_slug, created_at)
            VALUES (:email, :name, :role, :hash, :author, :now)
            """)
        .bind("email", email)
        .bind("name", name)
        .bind("role", role.word())
        .bind("hash", passwordHash)
        .bind("author", authorSlug)
        .bind("now", now.toEpochMilli())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  void setRole(Transaction tx, long userId, Role role) {
    set(tx, userId, "role", role.word());
  }

  void setDisabled(Transaction tx, long userId, Instant when) {
    if (when == null) {
      tx.handle()
          .createUpdate("UPDATE newsroom_user SET disabled_at = NULL WHERE id = :id")
          .bind("id", userId)
          .execute();
    } else {
      set(tx, userId, "disabled_at", when.toEpochMilli());
    }
  }

  void setPassword(Transaction tx, long userId, String hash) {
    set(tx, userId, "password_hash", hash);
  }

  void setAuthor(Transaction tx, long userId, String authorSlug) {
    set(tx, userId, "author_slug", authorSlug);
  }

  void setTotpSecret(Transaction tx, long userId, String secret) {
    tx.handle()
        .createUpdate(
            "UPDATE newsroom_user SET totp_secret = :secret, totp_last_step = 0 WHERE id = :id")
        .bind("secret", secret)
        .bind("id", userId)
        .execute();
  }

  private static void set(Transaction tx, long userId, String column, Object value) {
    tx.handle()
        .createUpdate("UPDATE newsroom_user SET " + column + " = :value WHERE id = :id")
        .bind("value", value)
        .bind("id", userId)
        .execute();
  }

  /**
   * Marks a two-step code's time step used; false when it (or a later one) was used already, so a
   * code seen over someone's shoulder cannot be replayed, on any node.
   */
  boolean useTotpStep(Transaction tx, long userId, long step) {
    return tx.handle()
            .createUpdate(
                "UPDATE newsroom_user SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
            .bind("step", step)
            .bind("id", userId)
            .execute()
        == 1;
  }

  // Sessions

  void addSession(Transaction tx, String tokenHash, long userId, Instant now) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO newsroom_session (token_hash, user_id, created_at, last_seen_at)
            VALUES (:hash, :user, :now, :now)
            """)
        .bind("hash", tokenHash)
        .bind("user", userId)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  Optional<StoredSession> session(Transaction tx, String tokenHash) {
    return tx.handle()
        .createQuery(
            "SELECT "
                + USER_COLUMNS
                + ", s.created_at AS session_created, s.last_seen_at"
                + " FROM newsroom_user u JOIN newsroom_session s ON s.user_id = u.id"
                + " WHERE s.token_hash = :hash")
        .bind("hash", tokenHash)
        .map(
            (rs, ctx) ->
                new StoredSession(
                    user(rs),
                    Instant.ofEpochMilli(rs.getLong("session_created")),
                    Instant.ofEpochMilli(rs.getLong("last_seen_at"))))
        .findOne();
  }

  void touchSession(Transaction tx, String tokenHash, Instant now) {
    tx.handle()
        .createUpdate("UPDATE newsroom_session SET last_seen_at = :now WHERE token_hash = :hash")
        .bind("now", now.toEpochMilli())
        .bind("hash", tokenHash)
        .execute();
  }

  void endSession(Transaction tx, String tokenHash) {
    tx.handle()
        .createUpdate("DELETE FROM newsroom_session WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .execute();
  }

  int endSessionsOf(Transaction tx, long userId) {
    return tx.handle()
        .createUpdate("DELETE FROM newsroom_session WHERE user_id = :id")
        .bind("id", userId)
        .execute();
  }

  int sessionCount(Transaction tx, long userId) {
    return tx.handle()
        .createQuery("SELECT COUNT(*) FROM newsroom_session WHERE user_id = :id")
        .bind("id", userId)
        .mapTo(Integer.class)
        .one();
  }

  /** Forgets sessions that can no longer be used, failures too old to count, spent links. */
  void sweep(Transaction tx, Instant idleSince, Instant startedBefore, Instant failuresBefore) {
    var h = tx.handle();
    h.createUpdate(
            "DELETE FROM newsroom_session WHERE last_seen_at < :idle OR created_at < :started")
        .bind("idle", idleSince.toEpochMilli())
        .bind("started", startedBefore.toEpochMilli())
        .execute();
    h.createUpdate("DELETE FROM sign_in_failure WHERE failed_at < :before")
        .bind("before", failuresBefore.toEpochMilli())
        .execute();
    h.createUpdate("DELETE FROM password_reset WHERE expires_at < :before")
        .bind("before", failuresBefore.toEpochMilli())
        .execute();
  }

  // Failed sign-ins

  void addFailure(Transaction tx, String email, String ip, Instant now) {
    tx.handle()
        .createUpdate(
            "INSERT INTO sign_in_failure (email, ip, failed_at) VALUES (:email, :ip, :now)")
        .bind("email", email)
        .bind("ip", ip)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  int failuresOfAccount(Transaction tx, String email, Instant since) {
    return countFailures(tx, "email", email, since);
  }

  int failuresFromAddress(Transaction tx, String ip, Instant since) {
    return countFailures(tx, "ip", ip, since);
  }

  private static int countFailures(Transaction tx, String column, String value, Instant since) {
    return tx.handle()
        .createQuery(
            "SELECT COUNT(*) FROM sign_in_failure WHERE "
                + column
                + " = :value AND failed_at >= :since")
        .bind("value", value)
        .bind("since", since.toEpochMilli())
        .mapTo(Integer.class)
        .one();
  }

  void clearFailuresOfAccount(Transaction tx, String email) {
    tx.handle()
        .createUpdate("DELETE FROM sign_in_failure WHERE email = :email")
        .bind("email", email)
        .execute();
  }

  // Password reset links

  void addReset(Transaction tx, String tokenHash, long userId, Instant now, Instant expires) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO password_reset (token_hash, user_id, created_at, expires_at)
            VALUES (:hash, :user, :now, :expires)
            """)
        .bind("hash", tokenHash)
        .bind("user", userId)
        .bind("now", now.toEpochMilli())
        .bind("expires", expires.toEpochMilli())
        .execute();
  }

  /** The person a reset link is for, while it is unused and unexpired. */
  Optional<Long> resetFor(Transaction tx, String tokenHash, Instant now) {
    return tx.handle()
        .createQuery(
            """
            SELECT user_id FROM password_reset
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
            """)
        .bind("hash", tokenHash)
        .bind("now", now.toEpochMilli())
        .mapTo(Long.class)
        .findOne();
  }

  int resetsSince(Transaction tx, long userId, Instant since) {
    return tx.handle()
        .createQuery(
            "SELECT COUNT(*) FROM password_reset WHERE user_id = :user AND created_at >= :since")
        .bind("user", userId)
        .bind("since", since.toEpochMilli())
        .mapTo(Integer.class)
        .one();
  }

  /**
   * Spends a reset link, and every other open link of the same person; false when it was used (or
   * expired) meanwhile.
   */
  boolean spendReset(Transaction tx, String tokenHash, long userId, Instant now) {
    var h = tx.handle();
    int used =
        h.createUpdate(
                """
                UPDATE password_reset SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                """)
            .bind("now", now.toEpochMilli())
            .bind("hash", tokenHash)
            .execute();
    if (used != 1) {
      return false;
    }
    h.createUpdate(
            "UPDATE password_reset SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
        .bind("now", now.toEpochMilli())
        .bind("user", userId)
        .execute();
    return true;
  }
}
