package org.broadsheet.newsroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.audit.Actor;
import org.broadsheet.mail.Mailer;
import org.broadsheet.storage.Database;

/**
 * Password resets by email: a single-use link that expires (`newsroom.reset_link_minutes`), stored
 * only as the SHA-256 of its token. Offered while the site can send email (smtp.host).
 */
public final class PasswordResets {
  /** Said whether or not the address has an account. */
  public static final String SENT =
      "If there is an account for that address, we have sent it a link to choose a new password."
          + " The link works once, within the hour.";

  /** At most this many links are sent to one account an hour, so nobody floods a mailbox. */
  private static final int PER_HOUR = 3;

  /** What became of a new password chosen through a link. */
  public sealed interface Outcome {
    record Reset(User user) implements Outcome {}

    /** The new password is not acceptable; the link still works. */
    record Refused(String message) implements Outcome {}

    /** The link was used already, has expired, or never existed. */
    record Expired() implements Outcome {}
  }

  private final AccountService accounts;
  private final AccountStore store;
  private final Database database;
  private final Mailer mailer;
  private final Supplier<NewsroomSettings> settings;
  private final Supplier<String> baseUrl;
  private final Supplier<String> siteName;

  public PasswordResets(
      AccountService accounts,
      Mailer mailer,
      Supplier<NewsroomSettings> settings,
      Supplier<String> baseUrl,
      Supplier<String> siteName) {
    this.accounts = accounts;
    this.store = accounts.store();
    this.database = accounts.database();
    this.mailer = mailer;
    this.settings = settings;
    this.baseUrl = baseUrl;
    this.siteName = siteName;
  }

  /** Whether the site can send reset links (email is set up). */
  public boolean offered() {
    return mailer.enabled();
  }

  /**
   * Sends a link to this address if it has an account that may sign in; says nothing either way.
   */
  public void request(String email, String ip, Instant now) {
    if (!offered()) {
      return;
    }
    Optional<User> found = accounts.find(email);
    if (found.isEmpty() || found.get().disabled()) {
      return;
    }
    User user = found.get();
    Duration lifetime = settings.get().resetLinkLifetime();
    String token = Tokens.newToken();
    boolean made =
        database.inTransaction(
            tx -> {
              if (store.resetsSince(tx, user.id(), now.minus(Duration.ofHours(1))) >= PER_HOUR) {
                return false;
              }
              store.addReset(tx, Tokens.hash(token), user.id(), now, now.plus(lifetime));
              accounts
                  .audit()
                  .record(tx, Actor.anonymous(ip), "password.reset-requested", user.email(), "");
              return true;
            });
    if (!made) {
      return;
    }
    String link = baseUrl.get() + "/newsroom/reset-password?token=" + token;
    mailer.send(
        new Mailer.Mail(
            user.email(),
            "Choose a new password for " + siteName.get(),
            """
            Hello %s,

            Someone, probably you, asked to choose a new password for your account in the
            newsroom of %s. To choose one, open this link within %d minutes:

            %s

            The link works once. If you did not ask, ignore this email: your password stays as
            it is.
            """
                .formatted(user.name(), siteName.get(), lifetime.toMinutes(), link),
            Map.of()));
  }

  /** The person a link is for, while it can be used. */
  public Optional<User> linkFor(String token, Instant now) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    return database.read(
        tx ->
            store
                .resetFor(tx, Tokens.hash(token), now)
                .flatMap(id -> accounts.find(tx, id))
                .filter(user -> !user.disabled()));
  }

  /** Sets the new password through a link, once; every session of the person ends. */
  public Outcome reset(String token, String password, String repeated, String ip, Instant now) {
    Optional<User> user = linkFor(token, now);
    if (user.isEmpty()) {
      return new Outcome.Expired();
    }
    Optional<String> problem = Passwords.problemWith(password);
    if (problem.isPresent()) {
      return new Outcome.Refused(problem.get());
    }
    if (!password.equals(repeated)) {
      return new Outcome.Refused("The two passwords are not the same.");
    }
    String hash = Passwords.hash(password);
    long id = user.get().id();
    boolean spent =
        database.inTransaction(
            tx -> {
              if (!store.spendReset(tx, Tokens.hash(token), id, now)) {
                return false;
              }
              store.setPassword(tx, id, hash);
              store.endSessionsOf(tx, id);
              accounts
                  .audit()
                  .record(
                      tx,
                      Actor.person(user.get().email(), ip),
                      "password.reset",
                      user.get().email(),
                      "");
              return true;
            });
    return spent ? new Outcome.Reset(user.get()) : new Outcome.Expired();
  }
}
