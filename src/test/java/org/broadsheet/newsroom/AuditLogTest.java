package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.NewsroomTesting.PASSWORD;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.signIn;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.broadsheet.audit.Actor;
import org.broadsheet.comment.CommentDraft;
import org.broadsheet.comment.Visitor;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  private static final String CHIEF = "chief@harbour.example";
  private static final String COMMAND_LINE = Actor.commandLine().name();
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    add(site, CHIEF, "administrator");
  }

  @AfterEach
  void close() {
    site.close();
  }

  private JsonNode audit(String... filters) throws Exception {
    String[] words = new String[filters.length + 2];
    words[0] = "audit";
    words[1] = "--json";
    System.arraycopy(filters, 0, words, 2, filters.length);
    Cli.Run run = Cli.run(site, words);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void webAndCommandLineActionsAreRecordedWithWhoDidThem() throws Exception {
    assertThat(signIn(new Reader(site), site, CHIEF, "wrong password!!").statusCode())
        .isEqualTo(422);
    assertThat(signIn(new Reader(site), site, "nobody@harbour.example", PASSWORD).statusCode())
        .isEqualTo(422);
    Reader chief = signedIn(site, CHIEF);
    NewsroomTesting.postFromHome(chief, site, "/newsroom/sign-out");
    add(site, "ed@harbour.example", "editor");
    Cli.run(site, "users", "role", "ed@harbour.example", "reporter");
    Cli.run(site, "users", "disable", "ed@harbour.example");
    Cli.withInput("", site, "users", "passwd", "ed@harbour.example");
    Cli.run(site, "settings", "set", "site.name", "Harbour Times");
    Cli.withInput("hunter2 secret\n", site, "settings", "set", "smtp.password", "-");
    site.application().settings().set("comments.moderation", "all");
    var article = site.application().articles().published("harbour-vote").orElseThrow();
    site.application()
        .comments()
        .post(
            article,
            new CommentDraft("Ann", "ann@example.org", "", "Which round?", "", false, ""),
            new Visitor("192.0.2.1", "test", java.time.Instant.now().minusSeconds(60)),
            java.time.Instant.now());
    long comment = site.application().moderation().list(null, null, 1).getFirst().id();
    assertThat(Cli.run(site, "comments", "approve", Long.toString(comment)).exitCode()).isZero();

    JsonNode all = audit();
    List<String> actions = all.findValuesAsText("action");
    assertThat(actions)
        .contains(
            "sign-in.failed",
            "sign-in",
            "sign-out",
            "user.add",
            "user.role",
            "user.disable",
            "user.password",
            "setting.set",
            "comment.approve");
    JsonNode newest = all.get(0);
    assertThat(newest.get("action").asText()).isEqualTo("comment.approve");
    assertThat(newest.get("actor").asText()).isEqualTo(COMMAND_LINE).startsWith("command line (");
    assertThat(newest.get("subject").asText()).isEqualTo("comment " + comment);
    assertThat(newest.get("detail").asText()).endsWith("-> approved");

    JsonNode signIns =
        audit("--actor", CHIEF.toUpperCase(java.util.Locale.ROOT), "--action", "sign-in");
    assertThat(signIns.findValuesAsText("action")).containsExactly("sign-in", "sign-in.failed");
    assertThat(signIns.get(0).get("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(audit("--action", "sign-in.failed").findValuesAsText("actor"))
        .containsExactly("anonymous", CHIEF);
    JsonNode role = audit("--action", "user.role");
    assertThat(role.get(0).get("detail").asText()).isEqualTo("editor -> reporter");
    assertThat(role.get(0).get("actor").asText()).isEqualTo(COMMAND_LINE);
    // Secrets are never written down.
    String everything = Cli.run(site, "audit").out() + all;
    assertThat(everything)
        .doesNotContain("hunter2", PASSWORD)
        .contains("smtp.password", "(secret)");
    assertThat(audit("--action", "setting").findValuesAsText("detail"))
        .containsExactly("(secret)", "Harbour Times");
  }

  @Test
  void administratorsFilterTheLogByActorActionAndDateOnPages() {
    LocalDate recordedOn = LocalDate.now(ZoneOffset.UTC);
    for (int i = 0; i < 55; i++) {
      site.application()
          .audit()
          .record(Actor.anonymous("198.51.100.7"), "test.filler", "x" + i, "");
    }
    Reader chief = signedIn(site, CHIEF);
    Document first = chief.page("/newsroom/audit");
    assertThat(first.select("table.audit-log tbody tr")).hasSize(AuditHandler.PAGE_SIZE);
    assertThat(first.select("a[rel=prev]")).isEmpty();
    Document second = chief.page(first.select("a[rel=next]").attr("href"));
    assertThat(second.select("table.audit-log tbody tr")).hasSize(57 - AuditHandler.PAGE_SIZE);
    assertThat(second.select("a[rel=next]")).isEmpty();

    Document mine = chief.page("/newsroom/audit?actor=" + CHIEF);
    assertThat(mine.select("table.audit-log tbody tr")).hasSize(1);
    assertThat(mine.select("tbody td").eachText()).contains("sign-in", "127.0.0.1");

    Document added = chief.page("/newsroom/audit?action=user");
    assertThat(added.select("tbody tr td:nth-child(3)").eachText()).containsExactly("user.add");
    assertThat(added.select("tbody tr td:nth-child(2)").text()).isEqualTo(COMMAND_LINE);
    assertThat(chief.page("/newsroom/audit?action=user.add").select("option[selected]").text())
        .isEqualTo("user.add");

    // Across midnight UTC the entries would fall on two days: the date filters cannot be checked.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        LocalDate.now(ZoneOffset.UTC).equals(recordedOn), "the run crossed midnight UTC");
    String today = recordedOn.toString();
    String tomorrow = recordedOn.plusDays(1).toString();
    assertThat(chief.page("/newsroom/audit?from=" + today + "&to=" + today).select("tbody tr"))
        .hasSize(AuditHandler.PAGE_SIZE);
    assertThat(chief.page("/newsroom/audit?from=" + tomorrow).text())
        .contains("Nothing recorded matches.");
    assertThat(chief.page("/newsroom/audit?to=2000-01-01").text())
        .contains("Nothing recorded matches.");
    assertThat(chief.page("/newsroom/audit?from=last+week").select("[role=alert]").text())
        .contains("is not a date");
    Document filtered = chief.page("/newsroom/audit?action=test.filler&from=" + today);
    assertThat(filtered.select("a[rel=next]").attr("href"))
        .isEqualTo("/newsroom/audit?action=test.filler&from=" + today + "&page=2");
  }

  @Test
  void onlyAdministratorsReadTheAuditLogWhileEveryRoleOpensTheNewsroom() {
    Map<String, Integer> expected =
        Map.of(
            "administrator", 200,
            "editor", 403,
            "reporter", 403,
            "contributor", 403,
            "moderator", 403);
    for (var role : expected.entrySet()) {
      String email = role.getKey() + "@harbour.example";
      if (!role.getKey().equals("administrator")) {
        add(site, email, role.getKey());
      }
      Reader reader = signedIn(site, role.getKey().equals("administrator") ? CHIEF : email);
      HttpResponse<String> audit = reader.get("/newsroom/audit");
      assertThat(audit.statusCode()).as(role.getKey()).isEqualTo(role.getValue());
      assertThat(audit.headers().firstValue("Cache-Control")).hasValue("private, no-store");
      assertThat(reader.get("/newsroom").statusCode()).as(role.getKey()).isEqualTo(200);
      assertThat(reader.page("/newsroom").select("a[href=/newsroom/audit]"))
          .as(role.getKey())
          .hasSize(role.getKey().equals("administrator") ? 1 : 0);
    }
    assertThat(new Reader(site).get("/newsroom/audit").statusCode()).isEqualTo(303);
  }

  @Test
  void theRolesGrantWhatTheirNamesSay() {
    assertThat(Role.ADMINISTRATOR.may(Permission.MANAGE_USERS)).isTrue();
    assertThat(Role.ADMINISTRATOR.may(Permission.CHANGE_SETTINGS)).isTrue();
    assertThat(Role.EDITOR.may(Permission.PUBLISH)).isTrue();
    assertThat(Role.EDITOR.may(Permission.EDIT_ANY_ARTICLE)).isTrue();
    assertThat(Role.EDITOR.may(Permission.MODERATE_COMMENTS)).isTrue();
    assertThat(Role.EDITOR.may(Permission.CURATE_FRONT_PAGE)).isTrue();
    assertThat(Role.EDITOR.may(Permission.MANAGE_USERS)).isFalse();
    assertThat(Role.REPORTER.may(Permission.SUBMIT_FOR_REVIEW)).isTrue();
    assertThat(Role.REPORTER.may(Permission.PUBLISH)).isFalse();
    assertThat(Role.REPORTER.may(Permission.EDIT_ANY_ARTICLE)).isFalse();
    assertThat(Role.CONTRIBUTOR.may(Permission.WRITE_OWN_DRAFTS)).isTrue();
    assertThat(Role.CONTRIBUTOR.may(Permission.SUBMIT_FOR_REVIEW)).isFalse();
    assertThat(Role.MODERATOR.may(Permission.MODERATE_COMMENTS)).isTrue();
    assertThat(Role.MODERATOR.may(Permission.WRITE_OWN_DRAFTS)).isFalse();
    for (Role role : Role.values()) {
      assertThat(role.may(Permission.USE_NEWSROOM)).isTrue();
      assertThat(role.may(Permission.READ_AUDIT_LOG)).isEqualTo(role == Role.ADMINISTRATOR);
    }
  }
}
