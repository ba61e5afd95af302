package org.broadsheet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.broadsheet.app.Application;
import org.broadsheet.audit.Actor;
import org.broadsheet.newsroom.AccountChange;
import org.broadsheet.newsroom.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = {
      "Manages the people who sign in to the newsroom (/newsroom/sign-in): how the first",
      "administrator is made, and how an operator recovers access. Every change is recorded",
      "in the audit log as made from the command line."
    },
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.SetRole.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class,
      UsersCommand.Passwd.class,
      UsersCommand.Author.class,
      UsersCommand.TwoStep.class
    })
final class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * A password from one line of standard input, or null to have one made up: at a terminal, or when
   * standard input is empty (`< /dev/null`). Read once the site is open, so a command run in the
   * wrong folder is refused before anyone types a password.
   */
  static String passwordFromInput() {
    java.io.Console console = System.console();
    if (console != null && console.isTerminal()) {
      return null;
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line == null || line.isEmpty() ? null : line;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read standard input: " + e.getMessage(), e);
    }
  }

  /** Runs a change and prints its outcome: 0 when done, 2 when refused. */
  static int change(SiteOptions site, Function<Application, AccountChange> work, String done) {
    try (Application application = site.open()) {
      return switch (work.apply(application)) {
        case AccountChange.Done changed -> {
          System.out.println(done.formatted(changed.user().email()));
          yield 0;
        }
        case AccountChange.Generated generated -> {
          System.out.println(done.formatted(generated.user().email()));
          System.out.println("Password (shown this once): " + generated.password());
          yield 0;
        }
        case AccountChange.TwoStep twoStep -> {
          System.out.println(done.formatted(twoStep.user().email()));
          System.out.println("Secret (shown this once): " + twoStep.secret());
          System.out.println(twoStep.uri());
          yield 0;
        }
        case AccountChange.Refused refused -> throw new Refusal(refused.reason());
      };
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a person who may sign in to the newsroom. The password is read from one line of",
        "standard input; at a terminal, or with empty input, one is made up and printed once.",
        "Roles: administrator, editor, reporter, contributor, moderator."
      })
  static final class Add implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Full name.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "Their role.")
    String role;

    @Option(
        names = "--author",
        paramLabel = "SLUG",
        description = "The author (byline) page they write under.")
    String author;

    @Override
    public Integer call() {
      return change(
          site,
          app ->
              app.accounts()
                  .add(email, name, role, passwordFromInput(), author, Actor.commandLine()),
          "Added %s as " + role.strip().toLowerCase(java.util.Locale.ROOT) + ".");
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists everyone who may sign in, by email address.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Option(
        names = "--json",
        description =
            "Print JSON for scripts: email, name, role, author, disabled, twoStep, createdAt.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (Application application = site.open()) {
        List<User> users = application.accounts().list();
        if (json) {
          List<Map<String, Object>> rows =
              users.stream()
                  .map(
                      user -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("email", user.email());
                        row.put("name", user.name());
                        row.put("role", user.role().word());
                        row.put("author", user.authorSlug().isEmpty() ? null : user.authorSlug());
                        row.put("disabled", user.disabled());
                        row.put("twoStep", user.twoStep());
                        row.put("createdAt", user.createdAt());
                        return row;
                      })
                  .toList();
          System.out.println(CommentsCommand.json().writeValueAsString(rows));
          return 0;
        }
        for (User user : users) {
          System.out.printf(
              "%-32s %-14s %-24s%s%s%s%n",
              user.email(),
              user.role().word(),
              user.name(),
              user.authorSlug().isEmpty() ? "" : "  author: " + user.authorSlug(),
              user.twoStep() ? "  two-step" : "",
              user.disabled() ? "  DISABLED" : "");
        }
        if (users.isEmpty()) {
          System.out.println(
              "Nobody yet. Add the first administrator with: ./broadsheet users add EMAIL --name"
                  + " NAME --role administrator");
        }
        return 0;
      }
    }
  }

  @Command(
      name = "role",
      mixinStandardHelpOptions = true,
      description = "Gives someone another role; their sessions end.")
  static final class SetRole implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Parameters(index = "1", paramLabel = "ROLE")
    String role;

    @Override
    public Integer call() {
      return change(
          site,
          app -> app.accounts().changeRole(email, role, Actor.commandLine()),
          "%s is now "
              + role.strip().toLowerCase(java.util.Locale.ROOT)
              + "; their sessions ended.");
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Stops someone signing in; their sessions end at once.")
  static final class Disable implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Override
    public Integer call() {
      return change(
          site,
          app -> app.accounts().disable(email, Actor.commandLine()),
          "%s is disabled; their sessions ended.");
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Lets a disabled person sign in again.")
  static final class Enable implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Override
    public Integer call() {
      return change(
          site, app -> app.accounts().enable(email, Actor.commandLine()), "%s may sign in again.");
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = {
        "Sets someone's password, read from one line of standard input; at a terminal, or with",
        "empty input, one is made up and printed once. Their sessions end."
      })
  static final class Passwd implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Override
    public Integer call() {
      return change(
          site,
          app -> app.accounts().setPassword(email, passwordFromInput(), Actor.commandLine()),
          "New password set for %s; their sessions ended.");
    }
  }

  @Command(
      name = "author",
      mixinStandardHelpOptions = true,
      description = "Links someone to the author (byline) page they write under.")
  static final class Author implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Parameters(index = "1", paramLabel = "AUTHOR_SLUG")
    String slug;

    @Override
    public Integer call() {
      return change(
          site,
          app -> app.accounts().linkAuthor(email, slug, Actor.commandLine()),
          "%s writes as /author/" + slug + ".");
    }
  }

  @Command(
      name = "totp",
      mixinStandardHelpOptions = true,
      description = {
        "Sets up two-step sign-in with an authenticator app: prints the secret and its",
        "otpauth:// address once (a new secret replaces the old one). --off turns it off."
      })
  static final class TwoStep implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "EMAIL")
    String email;

    @Option(names = "--off", description = "Turn two-step sign-in off for this person.")
    boolean off;

    @Override
    public Integer call() {
      return change(
          site,
          app -> app.accounts().twoStep(email, !off, Actor.commandLine()),
          off
              ? "Two-step sign-in is off for %s."
              : "Two-step sign-in is on for %s: add it to an authenticator app with the secret or"
                  + " the address below.");
    }
  }
}
