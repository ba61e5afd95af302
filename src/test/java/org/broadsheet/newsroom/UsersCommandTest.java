package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.NewsroomTesting.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void theFirstAdministratorIsAddedWithAPasswordFromStandardInput() throws Exception {
    Cli.Run run =
        Cli.withInput(
            PASSWORD + "\n",
            site,
            "users",
            "add",
            "Chief@Harbour.example",
            "--name",
            "Mira Chief",
            "--role",
            "administrator");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("chief@harbour.example").doesNotContain(PASSWORD);
    // Stored as an Argon2id hash with its parameters, never as given.
    String stored =
        site.application()
            .database()
            .read(
                tx ->
                    tx.handle()
                        .createQuery("SELECT password_hash FROM newsroom_user")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
    assertThat(
            NewsroomTesting.signIn(new Reader(site), site, "chief@harbour.example", PASSWORD)
                .statusCode())
        .isEqualTo(303);
  }

  @Test
  void withoutAPasswordOneIsMadeUpAndPrintedOnce() {
    Cli.Run run =
        Cli.withInput(
            "", site, "users", "add", "rep@harbour.example", "--name", "Rae", "--role", "reporter");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher shown = Pattern.compile("Password \\(shown this once\\): (\\S+)").matcher(run.out());
    assertThat(shown.find()).isTrue();
    String generated = shown.group(1);
    assertThat(generated.replace("-", "")).hasSize(24);
    assertThat(Cli.run(site, "users", "list").out()).doesNotContain(generated);
    assertThat(Cli.run(site, "users", "list", "--json").out()).doesNotContain(generated);
    assertThat(
            NewsroomTesting.signIn(new Reader(site), site, "rep@harbour.example", generated)
                .statusCode())
        .isEqualTo(303);

    Cli.Run passwd = Cli.withInput("", site, "users", "passwd", "rep@harbour.example");
    assertThat(passwd.exitCode()).isZero();
    Matcher again = Pattern.compile("Password \\(shown this once\\): (\\S+)").matcher(passwd.out());
    assertThat(again.find()).isTrue();
    assertThat(again.group(1)).isNotEqualTo(generated);
    assertThat(
            NewsroomTesting.signIn(new Reader(site), site, "rep@harbour.example", generated)
                .statusCode())
        .isEqualTo(422);
    assertThat(
            NewsroomTesting.signIn(new Reader(site), site, "rep@harbour.example", again.group(1))
                .statusCode())
        .isEqualTo(303);
  }

  @Test
  void listShowsEveryoneAndTheirRolesAsJson() throws Exception {
    NewsroomTesting.add(site, "ed@harbour.example", "editor");
    NewsroomTesting.add(site, "mod@harbour.example", "moderator");
    assertThat(Cli.run(site, "users", "author", "ed@harbour.example", "ada-quill").exitCode())
        .isZero();
    assertThat(Cli.run(site, "users", "role", "mod@harbour.example", "contributor").exitCode())
        .isZero();
    assertThat(Cli.run(site, "users", "disable", "mod@harbour.example").exitCode()).isZero();
    JsonNode users = new ObjectMapper().readTree(Cli.run(site, "users", "list", "--json").out());
    assertThat(users).hasSize(2);
    assertThat(users.get(0).get("email").asText()).isEqualTo("ed@harbour.example");
    assertThat(users.get(0).get("role").asText()).isEqualTo("editor");
    assertThat(users.get(0).get("author").asText()).isEqualTo("ada-quill");
    assertThat(users.get(0).get("disabled").asBoolean()).isFalse();
    assertThat(users.get(1).get("role").asText()).isEqualTo("contributor");
    assertThat(users.get(1).get("disabled").asBoolean()).isTrue();
    assertThat(users.get(0).has("password")).isFalse();
    assertThat(Cli.run(site, "users", "list").out())
        .contains("ed@harbour.example", "editor", "author: ada-quill", "DISABLED");
  }

  @Test
  void badInputIsRefusedWithExitTwoAndOneLine() {
    NewsroomTesting.add(site, "ed@harbour.example", "editor");
    assertRefused(
        Cli.withInput(
            PASSWORD, site, "users", "add", "x@harbour.example", "--name", "X", "--role", "chief"),
        "\"chief\" is not a role; roles are administrator, editor, reporter, contributor or moderator");
    assertRefused(
        Cli.withInput(
            PASSWORD,
            site,
            "users",
            "add",
            "ed@harbour.example",
            "--name",
            "X",
            "--role",
            "editor"),
        "there is already an account for ed@harbour.example");
    assertRefused(
        Cli.withInput(
            "short", site, "users", "add", "y@harbour.example", "--name", "Y", "--role", "editor"),
        "at least 12 characters");
    assertRefused(
        Cli.withInput(
            PASSWORD, site, "users", "add", "not-an-email", "--name", "Y", "--role", "editor"),
        "is not an email address");
    assertRefused(
        Cli.withInput(
            PASSWORD,
            site,
            "users",
            "add",
            "z@harbour.example",
            "--name",
            "Z",
            "--role",
            "editor",
            "--author",
            "nobody"),
        "no author has the slug \"nobody\"");
    assertRefused(
        Cli.run(site, "users", "role", "nobody@harbour.example", "editor"),
        "no account has the email address nobody@harbour.example");
    assertRefused(Cli.run(site, "users", "disable", "nobody@harbour.example"), "no account");
    assertRefused(
        Cli.withInput("tiny", site, "users", "passwd", "ed@harbour.example"), "at least 12");
    assertThat(Cli.run(site, "users", "list", "--json").out())
        .doesNotContain("harbour.example\", \"name\" : \"X");
  }

  private static void assertRefused(Cli.Run run, String message) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("broadsheet: ").contains(message);
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void aFolderWithoutASiteIsRefusedAndLeftEmpty(@TempDir Path empty) throws Exception {
    Cli.Run run = Cli.run("users", "list", "--data", empty.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no site in");
    try (var files = Files.list(empty)) {
      assertThat(files).isEmpty();
    }
  }
}
