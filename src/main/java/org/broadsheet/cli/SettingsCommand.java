package org.broadsheet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.audit.Actor;
import org.broadsheet.settings.SettingsService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description =
        "Reads and changes the site's settings; a running site sees a change on its next request.",
    subcommands = {
      SettingsCommand.ListSettings.class,
      SettingsCommand.Get.class,
      SettingsCommand.Set.class
    })
final class SettingsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @picocli.CommandLine.Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Lists every setting with its value, where the value comes from, and its default.")
  static final class ListSettings implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (Application application = site.open()) {
        var values =
            application.settings().list().stream()
                .map(SettingsService.SettingValue::forDisplay)
                .toList();
        if (json) {
          System.out.println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(values));
        } else {
          for (SettingsService.SettingValue value : values) {
            System.out.printf("%-32s %s%n", value.key(), value.value());
            System.out.printf(
                "%-32s   %s (default: \"%s\"; from %s)%n",
                "",
                value.description(),
                value.defaultValue(),
                value.source().name().toLowerCase(java.util.Locale.ROOT));
          }
        }
      }
      return 0;
    }
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Prints one setting's value; a secret one (smtp.password) as •••• or (unset).")
  static final class Get implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Override
    public Integer call() {
      try (Application application = site.open()) {
        var value = application.settings().find(key);
        if (value.isEmpty()) {
          System.err.println(
              "broadsheet: no setting is named \""
                  + key
                  + "\"; `broadsheet settings list` shows them all");
          return 2;
        }
        System.out.println(value.get().forDisplay().value());
        return 0;
      }
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Changes one setting, after checking the value.",
        "VALUE - reads the value from one line of standard input, so that a secret (smtp.password)"
            + " stays out of the shell's history and the list of processes."
      })
  static final class Set implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value, or - to read it.")
    String value;

    @Override
    public Integer call() throws IOException {
      if (value.equals("-")) {
        value =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (value == null) {
          System.err.println(
              "broadsheet: no value on standard input; give one line, e.g. read -rs P; echo"
                  + " \"$P\" | ./broadsheet settings set "
                  + key
                  + " -");
          return 2;
        }
      }
      try (Application application = site.open()) {
        String detail =
            application.settings().find(key).filter(v -> v.secret()).isPresent()
                ? "(secret)"
                : value;
        // The value and its audit entry are stored together, as the newsroom's settings page does.
        return switch (application
            .settings()
            .set(
                key,
                value,
                tx ->
                    application
                        .audit()
                        .record(tx, Actor.commandLine(), "setting.set", key, detail))) {
          case SettingsService.Change.Saved saved -> {
            System.out.println(saved.value().key() + " = " + saved.value().forDisplay().value());
            if (saved.value().source() == SettingsService.Source.ENVIRONMENT) {
              System.out.println(
                  "note: "
                      + SettingsService.environmentName(key)
                      + " is set and overrides the stored value");
            }
            yield 0;
          }
          case SettingsService.Change.Refused refused -> {
            System.err.println("broadsheet: " + refused.reason());
            yield 2;
          }
        };
      }
    }
  }
}
