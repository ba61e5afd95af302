package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The account rules on SQLite and on a real PostgreSQL, through the service a screen would ask. */
class AccountsOnBothEnginesTest {
  private static final String PASSWORD = NewsroomTesting.PASSWORD;

  static Engine[] engines() {
    return TestSite.engines();
  }

  private static Session signIn(AccountService accounts, String email, Instant now) {
    return switch (accounts.signIn(email, PASSWORD, "", "203.0.113.9", now)) {
      case SignInOutcome.SignedIn signedIn -> {
        assertThat(accounts.session(signedIn.token(), now)).isPresent();
        yield signedIn.session();
      }
      case SignInOutcome outcome -> throw new AssertionError(outcome.toString());
    };
  }

  @ParameterizedTest
  @MethodSource("engines")
  void sessionsEndWhenIdleTooLongOrTooOldAndWhenRevoked(Engine engine) {
    try (TestSite site = TestSite.open(engine)) {
      AccountService accounts = site.application().accounts();
      Actor operator = Actor.commandLine();
      assertThat(accounts.add("ed@example.org", "Ed", "editor", PASSWORD, null, operator))
          .isInstanceOf(AccountChange.Done.class);
      Instant start = Instant.now();
      SignInOutcome.SignedIn signedIn =
          (SignInOutcome.SignedIn)
              accounts.signIn("ED@example.org", PASSWORD, "", "203.0.113.9", start);
      String token = signedIn.token();
      // Idle: 60 minutes by default; each use moves the idle clock on.
      assertThat(accounts.session(token, start.plus(Duration.ofMinutes(50)))).isPresent();
      assertThat(accounts.session(token, start.plus(Duration.ofMinutes(100)))).isPresent();
      // Absolute: 12 hours, however busy.
      Instant late = start;
      for (int hour = 1; hour < 12; hour++) {
        late = start.plus(Duration.ofMinutes(hour * 55L));
        assertThat(accounts.session(token, late)).as("hour " + hour).isPresent();
      }
      assertThat(accounts.session(token, start.plus(Duration.ofHours(12)))).isEmpty();

      Session idle = signIn(accounts, "ed@example.org", start);
      assertThat(accounts.sessionCount(idle.user())).isEqualTo(1);
      String idleToken =
          ((SignInOutcome.SignedIn)
                  accounts.signIn("ed@example.org", PASSWORD, "", "203.0.113.9", start))
              .token();
      assertThat(accounts.session(idleToken, start.plus(Duration.ofMinutes(61)))).isEmpty();

      String kept =
          ((SignInOutcome.SignedIn)
                  accounts.signIn("ed@example.org", PASSWORD, "", "203.0.113.9", start))
              .token();
      accounts.changeRole("ed@example.org", "reporter", operator);
      assertThat(accounts.session(kept, start)).isEmpty();
      Session again = signIn(accounts, "ed@example.org", start);
      assertThat(again.user().role()).isEqualTo(Role.REPORTER);
      assertThat(again.may(Permission.PUBLISH)).isFalse();
      accounts.disable("ed@example.org", operator);
      assertThat(accounts.session(kept, start)).isEmpty();
      assertThat(accounts.sessionCount(again.user())).isZero();
      assertThat(accounts.signIn("ed@example.org", PASSWORD, "", "203.0.113.9", start))
          .isInstanceOf(SignInOutcome.Refused.class);
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void failuresAreCountedInTheirWindowAndTheAuditLogFilters(Engine engine) {
    try (TestSite site = TestSite.open(engine)) {
      AccountService accounts = site.application().accounts();
      accounts.add("ed@example.org", "Ed", "editor", PASSWORD, null, Actor.commandLine());
      Instant start = Instant.now();
      for (int i = 0; i < 5; i++) {
        assertThat(accounts.signIn("ed@example.org", "wrong " + i, "", "203.0.113.9", start))
            .isInstanceOf(SignInOutcome.Refused.class);
      }
      assertThat(accounts.signIn("ed@example.org", PASSWORD, "", "203.0.113.10", start))
          .isInstanceOf(SignInOutcome.Limited.class);
      // Once the window has passed, the account signs in again.
      assertThat(
              accounts.signIn(
                  "ed@example.org",
                  PASSWORD,
                  "",
                  "203.0.113.10",
                  start.plus(Duration.ofMinutes(16))))
          .isInstanceOf(SignInOutcome.SignedIn.class);

      var audit = site.application().audit();
      assertThat(
              audit
                  .search(new AuditQuery("ed@example.org", "sign-in", null, null, 1, 10))
                  .entries())
          .extracting(e -> e.action())
          .containsExactly(
              "sign-in",
              "sign-in.failed",
              "sign-in.failed",
              "sign-in.failed",
              "sign-in.failed",
              "sign-in.failed");
      var page = audit.search(new AuditQuery(null, null, null, null, 2, 3));
      assertThat(page.entries()).hasSize(3);
      assertThat(page.more()).isTrue();
      assertThat(
              audit
                  .search(new AuditQuery(null, "user", start.minusSeconds(60), null, 1, 10))
                  .entries())
          .extracting(e -> e.action())
          .containsExactly("user.add");
      assertThat(
              audit
                  .search(new AuditQuery(null, null, null, start.minusSeconds(60), 1, 10))
                  .entries())
          .isEmpty();
    }
  }
}
