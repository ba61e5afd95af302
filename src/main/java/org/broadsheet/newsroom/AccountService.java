package org.broadsheet.newsroom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleService;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * The newsroom's accounts: adding people, their roles, passwords and two-step sign-in, signing in
 * and out, and sessions. Every change is recorded in the audit log with who made it. Password
 * resets by email are {@link PasswordResets}.
 */
public final class AccountService {
  /** Said for an unknown email and for a wrong password alike. */
  public static final String WRONG =
      "The email address or the password is not right. Please check them and try again.";

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(AccountService.class);
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final Database database;
  private final AccountStore store = new AccountStore();
  private final AuditService audit;
  private final ArticleService articles;
  private final Supplier<NewsroomSettings> settings;
  private final Supplier<String> siteName;

  public AccountService(
      Database database,
      AuditService audit,
      ArticleService articles,
      Supplier<NewsroomSettings> settings,
      Supplier<String> siteName) {
    this.database = database;
    this.audit = audit;
    this.articles = articles;
    this.settings = settings;
    this.siteName = siteName;
  }

  Database database() {
    return database;
  }

  AccountStore store() {
    return store;
  }

  AuditService audit() {
    return audit;
  }

  static String normalEmail(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  public List<User> list() {
    return database.read(store::all);
  }

  public Optional<User> find(String email) {
    return database
        .read(tx -> store.byEmail(tx, normalEmail(email)))
        .map(AccountStore.Credentials::user);
  }

  Optional<User> find(Transaction tx, long id) {
    return store.byId(tx, id).map(AccountStore.Credentials::user);
  }

  /**
   * Adds a person. With no password given the site makes one up, returned once.
   *
   * @param authorSlug the byline page they write under, or null
   */
  public AccountChange add(
      String email, String name, String role, String password, String authorSlug, Actor actor) {
    String address = normalEmail(email);
    if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 320) {
      return new AccountChange.Refused("\"" + email + "\" is not an email address");
    }
    String fullName = name == null ? "" : name.strip();
    if (fullName.isEmpty() || fullName.length() > 200) {
      return new AccountChange.Refused("a name of 1 to 200 characters is needed (--name NAME)");
    }
    Optional<Role> parsed = Role.parse(role);
    if (parsed.isEmpty()) {
      return new AccountChange.Refused(
          "\"" + role + "\" is not a role; roles are " + Role.choices());
    }
    if (authorSlug != null && articles.author(authorSlug).isEmpty()) {
      return new AccountChange.Refused("no author has the slug \"" + authorSlug + "\"");
    }
    String chosen = password == null ? Passwords.generate() : password;
    Optional<String> problem = Passwords.problemWith(chosen);
    if (problem.isPresent()) {
      return new AccountChange.Refused(problem.get());
    }
    String hash = Passwords.hash(chosen);
    return database.inTransaction(
        tx -> {
          if (store.byEmail(tx, address).isPresent()) {
            return new AccountChange.Refused("there is already an account for " + address);
          }
          long id =
              store.add(
                  tx,
                  address,
                  fullName,
                  parsed.get(),
                  hash,
                  authorSlug == null ? "" : authorSlug,
                  Instant.now());
          audit.record(tx, actor, "user.add", address, parsed.get().word());
          User user = find(tx, id).orElseThrow();
          return password == null
              ? new AccountChange.Generated(user, chosen)
              : new AccountChange.Done(user);
        });
  }

  /** A new role; the person's sessions end, so the new role holds from their next sign-in. */
  public AccountChange changeRole(String email, String role, Actor actor) {
    Optional<Role> parsed = Role.parse(role);
    if (parsed.isEmpty()) {
      return new AccountChange.Refused(
          "\"" + role + "\" is not a role; roles are " + Role.choices());
    }
    return change(
        email,
        (tx, user) -> {
          store.setRole(tx, user.id(), parsed.get());
          store.endSessionsOf(tx, user.id());
          audit.record(
              tx,
              actor,
              "user.role",
              user.email(),
              user.role().word() + " -> " + parsed.get().word());
        });
  }

  /** Disables an account: it cannot sign in, and its sessions end now. */
  public AccountChange disable(String email, Actor actor) {
    return change(
        email,
        (tx, user) -> {
          store.setDisabled(tx, user.id(), Instant.now());
          store.endSessionsOf(tx, user.id());
          audit.record(tx, actor, "user.disable", user.email(), "");
        });
  }

  public AccountChange enable(String email, Actor actor) {
    return change(
        email,
        (tx, user) -> {
          store.setDisabled(tx, user.id(), null);
          audit.record(tx, actor, "user.enable", user.email(), "");
        });
  }

  /** Sets a new password (or makes one up when null); every session of the person ends. */
  public AccountChange setPassword(String email, String password, Actor actor) {
    String chosen = password == null ? Passwords.generate() : password;
    Optional<String> problem = Passwords.problemWith(chosen);
    if (problem.isPresent()) {
      return new AccountChange.Refused(problem.get());
    }
    String hash = Passwords.hash(chosen);
    AccountChange changed =
        change(
            email,
            (tx, user) -> {
              store.setPassword(tx, user.id(), hash);
              store.endSessionsOf(tx, user.id());
              audit.record(tx, actor, "user.password", user.email(), "");
            });
    return changed instanceof AccountChange.Done done && password == null
        ? new AccountChange.Generated(done.user(), chosen)
        : changed;
  }

  /** Links a person to the byline (author page) they write under. */
  public AccountChange linkAuthor(String email, String authorSlug, Actor actor) {
    if (articles.author(authorSlug).isEmpty()) {
      return new AccountChange.Refused("no author has the slug \"" + authorSlug + "\"");
    }
    return change(
        email,
        (tx, user) -> {
          store.setAuthor(tx, user.id(), authorSlug);
          audit.record(tx, actor, "user.author", user.email(), authorSlug);
        });
  }

  /** Turns two-step sign-in on with a new secret, returned once; or off when `on` is false. */
  public AccountChange twoStep(String email, boolean on, Actor actor) {
    String secret = on ? Totp.newSecret() : "";
    AccountChange changed =
        change(
            email,
            (tx, user) -> {
              store.setTotpSecret(tx, user.id(), secret);
              audit.record(tx, actor, on ? "user.totp" : "user.totp-off", user.email(), "");
            });
    if (on && changed instanceof AccountChange.Done done) {
      return new AccountChange.TwoStep(
          done.user(), secret, Totp.uri(siteName.get(), done.user().email(), secret));
    }
    return changed;
  }

  /** One change to one person's account, with its audit entry, in one transaction. */
  private AccountChange change(
      String email, java.util.function.BiConsumer<Transaction, User> work) {
    return database.inTransaction(
        tx -> {
          Optional<AccountStore.Credentials> found = store.byEmail(tx, normalEmail(email));
          if (found.isEmpty()) {
            return new AccountChange.Refused(
                "no account has the email address " + normalEmail(email));
          }
          work.accept(tx, found.get().user());
          return new AccountChange.Done(find(tx, found.get().user().id()).orElseThrow());
        });
  }

  /**
   * Checks a sign-in. Throttled per account and per client address before any password is checked;
   * an unknown email costs the same work as a known one and gets the same words.
   */
  public SignInOutcome signIn(String email, String password, String code, String ip, Instant now) {
    NewsroomSettings limits = settings.get();
    String address = normalEmail(email);
    Instant windowStart = now.minus(limits.failureWindow());
    boolean limited =
        database.read(
            tx ->
                store.failuresOfAccount(tx, address, windowStart) >= limits.failuresPerAccount()
                    || store.failuresFromAddress(tx, ip, windowStart)
                        >= limits.failuresPerAddress());
    if (limited) {
      log.info("Sign-in refused: too many failures for this account or from {}", ip);
      return new SignInOutcome.Limited(
          "Too many failed attempts to sign in. Please try again later, in "
              + limits.failureWindow().toMinutes()
              + " minutes.",
          limits.failureWindow().toSeconds());
    }
    // The password is checked outside any transaction: it takes a while, on purpose.
    Optional<AccountStore.Credentials> found = database.read(tx -> store.byEmail(tx, address));
    if (found.isEmpty()) {
      Passwords.checkDecoy(password);
      return fail(address, ip, now, Actor.anonymous(ip), "no such account");
    }
    AccountStore.Credentials account = found.get();
    User user = account.user();
    Actor actor = Actor.person(user.email(), ip);
    if (!Passwords.matches(password, account.passwordHash())) {
      return fail(address, ip, now, actor, "wrong password");
    }
    if (user.disabled()) {
      return fail(address, ip, now, actor, "account disabled");
    }
    if (user.twoStep()) {
      OptionalLong step = Totp.matchingStep(account.totpSecret(), code, now);
      boolean fresh =
          step.isPresent()
              && database.inTransaction(tx -> store.useTotpStep(tx, user.id(), step.getAsLong()));
      if (!fresh) {
        boolean missing = code == null || code.isBlank();
        fail(address, ip, now, actor, missing ? "code missing" : "wrong code");
        return new SignInOutcome.CodeNeeded(
            missing
                ? "This account signs in in two steps: enter your password again with the six-digit code from your authenticator app."
                : "That code is not right or has expired. Enter your password again with the code your authenticator app shows now.");
      }
    } else if (user.role() == Role.ADMINISTRATOR && limits.requireTwoStepForAdministrators()) {
      fail(address, ip, now, actor, "two-step sign-in required");
      return new SignInOutcome.TwoStepRequired(
          "Administrators must sign in with a code from an authenticator app on this site. Ask"
              + " the site's operator to set it up with: ./broadsheet users totp "
              + user.email());
    }
    String token = Tokens.newToken();
    String id = Tokens.hash(token);
    database.useTransaction(
        tx -> {
          store.sweep(
              tx,
              now.minus(limits.sessionIdle()),
              now.minus(limits.sessionLifetime()),
              windowStart);
          store.clearFailuresOfAccount(tx, address);
          store.addSession(tx, id, user.id(), now);
          audit.record(
              tx, actor, "sign-in", user.email(), user.twoStep() ? "with two-step code" : "");
        });
    return new SignInOutcome.SignedIn(new Session(user, id, now), token);
  }

  private SignInOutcome fail(String email, String ip, Instant now, Actor actor, String why) {
    database.useTransaction(
        tx -> {
          store.addFailure(tx, email, ip, now);
          audit.record(
              tx, actor, "sign-in.failed", actor.name().equals(Actor.ANONYMOUS) ? "" : email, why);
        });
    return new SignInOutcome.Refused(WRONG);
  }

  /**
   * The session a cookie's token names, while it is neither idle too long nor too old, and its
   * person may still sign in.
   */
  public Optional<Session> session(String token, Instant now) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    String id = Tokens.hash(token);
    Optional<AccountStore.StoredSession> stored = database.read(tx -> store.session(tx, id));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    NewsroomSettings limits = settings.get();
    AccountStore.StoredSession session = stored.get();
    if (session.user().disabled()
        || !session.lastSeenAt().plus(limits.sessionIdle()).isAfter(now)
        || !session.createdAt().plus(limits.sessionLifetime()).isAfter(now)) {
      database.useTransaction(tx -> store.endSession(tx, id));
      return Optional.empty();
    }
    if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
      database.useTransaction(tx -> store.touchSession(tx, id, now));
    }
    return Optional.of(new Session(session.user(), id, session.createdAt()));
  }

  public void signOut(Session session, String ip) {
    database.useTransaction(
        tx -> {
          store.endSession(tx, session.id());
          audit.record(
              tx, Actor.person(session.user().email(), ip), "sign-out", session.user().email(), "");
        });
  }

  /** Ends every session of this person, on every device. */
  public int signOutEverywhere(Session session, String ip) {
    return database.inTransaction(
        tx -> {
          int ended = store.endSessionsOf(tx, session.user().id());
          audit.record(
              tx,
              Actor.person(session.user().email(), ip),
              "sign-out.everywhere",
              session.user().email(),
              ended + " session" + (ended == 1 ? "" : "s"));
          return ended;
        });
  }

  /** How many sessions a person has open now. */
  public int sessionCount(User user) {
    return database.read(tx -> store.sessionCount(tx, user.id()));
  }
}
