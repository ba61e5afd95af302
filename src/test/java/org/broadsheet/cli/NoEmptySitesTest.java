package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NoEmptySitesTest {
  private Path parent;

  @BeforeEach
  void makeRoom() throws IOException {
    parent = Files.createTempDirectory("broadsheet-nosite");
  }

  @AfterEach
  void clear() throws IOException {
    TestPostgres.deleteTree(parent);
  }

  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("settings", "list"),
          List.of("settings", "get", "site.name"),
          List.of("settings", "set", "site.name", "Wrong Folder Gazette"),
          List.of("comments", "list", "--status", "held"),
          List.of("comments", "approve", "1"),
          List.of("comments", "close", "harbour-vote"),
          List.of("comments", "export", "--email", "ann@example.org"),
          List.of("authors", "email", "ada-quill", "ada@example.org"),
          List.of("dictionary", "add", "Kestrelmouth"),
          List.of("dictionary", "remove", "Kestrelmouth"),
          List.of("dictionary", "list"),
          List.of("proofread", "harbour-vote"),
          List.of("users", "add", "ed@example.org", "--name", "Ed", "--role", "editor"),
          List.of("users", "list"),
          List.of("users", "role", "ed@example.org", "reporter"),
          List.of("users", "disable", "ed@example.org"),
          List.of("users", "passwd", "ed@example.org"),
          List.of("users", "totp", "ed@example.org"),
          List.of("audit", "--json"),
          List.of("backup", "site.zip"),
          List.of("search", "reindex"));

  private static Cli.Run run(List<String> words, String... site) {
    return Cli.run(Stream.concat(words.stream(), Stream.of(site)).toArray(String[]::new));
  }

  @Test
  void everyCommandButServeAndInitRefusesAFolderWithoutASiteAndCreatesNothing() throws IOException {
    Path missing = parent.resolve("data");
    Path empty = Files.createDirectory(parent.resolve("empty"));
    for (List<String> command : COMMANDS) {
      for (Path folder : List.of(missing, empty)) {
        Cli.Run run = run(command, "--data", folder.toString());
        String what = String.join(" ", command) + " in " + folder;
        assertThat(run.exitCode()).as(what).isEqualTo(2);
        assertThat(run.err())
            .as(what)
            .startsWith("broadsheet: no site in " + folder.toAbsolutePath())
            .contains("--data DIR", "BROADSHEET_DATA", "./broadsheet init")
            .doesNotContain("Exception", "\tat ");
        assertThat(run.err().strip().lines()).as(what).hasSize(1);
      }
      assertThat(missing).as("created by " + command).doesNotExist();
      try (Stream<Path> inside = Files.list(empty)) {
        assertThat(inside.toList()).as("created by " + command).isEmpty();
      }
    }
    assertThat(Path.of("site.zip")).doesNotExist();
  }

  @Test
  void importRefusesTooAndSaysANewSiteStartsWithInit() throws IOException {
    Path article = Files.writeString(parent.resolve("a.md"), "---\ntitle: Hello\n---\nBody.\n");
    Path missing = parent.resolve("data");
    Cli.Run run = Cli.run("import", "markdown", article.toString(), "--data", missing.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no site in " + missing, "./broadsheet init");
    assertThat(missing).doesNotExist();
  }

  @Test
  void aCommandRunFromAnotherFolderDoesNotStartASiteThere() {
    Assumptions.assumeTrue(System.getenv("BROADSHEET_DATA") == null);
    Assumptions.assumeTrue(System.getenv("BROADSHEET_DATABASE_URL") == null);
    Assumptions.assumeFalse(Files.exists(Path.of("data")));
    Cli.Run run = Cli.run("comments", "list", "--status", "held");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no site in " + Path.of("data").toAbsolutePath());
    assertThat(Path.of("data")).doesNotExist();
  }

  @Test
  void initCreatesASiteSaysWhereAndRefusesToRunTwice() {
    Path data = parent.resolve("new-site");
    Cli.Run init = Cli.run("init", "--data", data.toString());
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).contains("Created a new site in " + data, data + "/broadsheet.db");
    assertThat(data.resolve("broadsheet.db")).isRegularFile();

    Cli.Run list = Cli.run("settings", "list", "--data", data.toString());
    assertThat(list.exitCode()).as(list.err()).isZero();

    Cli.Run again = Cli.run("init", "--data", data.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("a site is already in " + data, "nothing was changed");
  }

  @Test
  void anEmptyPostgresqlDatabaseHoldsNoSiteUntilInit() {
    String url = TestPostgres.newDatabaseUrl();
    Path data = parent.resolve("pg-data");
    Cli.Run refused = Cli.run("settings", "list", "--database-url", url, "--data", data.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("holds no Broadsheet site", "--database-url", "./broadsheet init")
        .contains(url.substring(0, url.indexOf('?')))
        .doesNotContain("user=postgres");
    assertThat(data).doesNotExist();

    Cli.Run init = Cli.run("init", "--database-url", url, "--data", data.toString());
    assertThat(init.exitCode()).as(init.err()).isZero();
    Cli.Run list = Cli.run("settings", "list", "--database-url", url, "--data", data.toString());
    assertThat(list.exitCode()).as(list.err()).isZero();
  }
}
