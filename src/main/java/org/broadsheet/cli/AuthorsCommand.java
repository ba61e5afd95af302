package org.broadsheet.cli;

import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "authors",
    mixinStandardHelpOptions = true,
    description = "Manages authors.",
    subcommands = {AuthorsCommand.Email.class})
final class AuthorsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "email",
      mixinStandardHelpOptions = true,
      description =
          "Sets the address at which an author hears of new comments (never shown to readers).")
  static final class Email implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "AUTHOR_SLUG")
    String slug;

    @Parameters(index = "1", paramLabel = "ADDRESS")
    String address;

    @Override
    public Integer call() {
      if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        System.err.println("broadsheet: \"" + address + "\" is not an email address");
        return 2;
      }
      try (Application application = site.open()) {
        if (!application.articles().setAuthorEmail(slug, address)) {
          System.err.println("broadsheet: no author has the slug \"" + slug + "\"");
          return 2;
        }
        System.out.println(slug + " will hear of new comments at " + address);
        return 0;
      }
    }
  }
}
