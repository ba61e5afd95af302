package org.broadsheet.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SettingsCommandTest {
  @Test
  void listShowsEverySettingWithItsDefaultAndJsonForScripts() throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      Cli.Run text = Cli.run(site, "settings", "list");
      assertThat(text.exitCode()).isZero();
      assertThat(text.out())
          .contains("site.name", "site.base_url", "site.time_zone", "comments.max_body_chars");

      Cli.Run json = Cli.run(site, "settings", "list", "--json");
      JsonNode settings = new ObjectMapper().readTree(json.out());
      assertThat(settings.isArray()).isTrue();
      JsonNode name = null;
      for (JsonNode setting : settings) {
        if (setting.get("key").asText().equals("site.name")) {
          name = setting;
        }
      }
      assertThat(name.get("value").asText()).isEqualTo("Broadsheet");
      assertThat(name.get("source").asText()).isEqualTo("DEFAULT");
    }
  }

  @Test
  void setValidatesAndGetReadsBack() {
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      assertThat(
              Cli.run(site, "settings", "set", "site.name", "The Kestrelmouth Courier").exitCode())
          .isZero();
      assertThat(Cli.run(site, "settings", "get", "site.name").out().strip())
          .isEqualTo("The Kestrelmouth Courier");

      Cli.Run badZone = Cli.run(site, "settings", "set", "site.time_zone", "Mars/Olympus");
      assertThat(badZone.exitCode()).isEqualTo(2);
      assertThat(badZone.err()).contains("site.time_zone must be a time zone");
      Cli.Run badNumber = Cli.run(site, "settings", "set", "site.page_size", "0");
      assertThat(badNumber.err()).contains("from 1 to 100");
      Cli.Run unknown = Cli.run(site, "settings", "set", "site.colour", "red");
      assertThat(unknown.err()).contains("No setting is named \"site.colour\"");
      assertThat(Cli.run(site, "settings", "get", "site.time_zone").out().strip()).isEqualTo("UTC");
    }
  }

  @Test
  void aChangeFromTheCommandLineReachesTheRunningSite() throws Exception {
    try (TestSite site = TestSite.serving(Engine.SQLITE)) {
      assertThat(Cli.run(site, "settings", "set", "site.name", "Evening Lamp").exitCode()).isZero();
      long deadline = System.currentTimeMillis() + 5_000;
      String title = "";
      while (System.currentTimeMillis() < deadline) {
        title = Jsoup.parse(site.get("/").body()).title();
        if (title.equals("Evening Lamp")) {
          break;
        }
        Thread.sleep(50);
      }
      assertThat(title).isEqualTo("Evening Lamp");
    }
  }

  @Test
  void environmentOverridesStoredValues() {
    try (TestSite site =
        TestSite.open(Engine.SQLITE, Map.of("BROADSHEET_SITE_NAME", "From Environment"))) {
      SettingsService settings = site.application().settings();
      settings.set("site.name", "Stored");
      assertThat(settings.get("site.name")).isEqualTo("From Environment");
      assertThat(settings.find("site.name").orElseThrow().source())
          .isEqualTo(SettingsService.Source.ENVIRONMENT);
    }
  }

  @Test
  void aSecretIsReadFromStandardInputAndNeverShown() throws Exception {
    String password = "hunter2-Kestrel!";
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      assertThat(Cli.run(site, "settings", "get", "smtp.password").out().strip())
          .isEqualTo("(unset)");

      Cli.Run set = Cli.withInput(password + "\n", site, "settings", "set", "smtp.password", "-");
      assertThat(set.exitCode()).as(set.err()).isZero();
      assertThat(set.out().strip()).isEqualTo("smtp.password = ••••");
      site.application().settings().reload();
      assertThat(site.application().settings().get("smtp.password")).isEqualTo(password);

      Cli.Run get = Cli.run(site, "settings", "get", "smtp.password");
      assertThat(get.out().strip()).isEqualTo("••••");
      Cli.Run list = Cli.run(site, "settings", "list");
      assertThat(list.out()).contains("smtp.password", "••••").doesNotContain(password);
      Cli.Run json = Cli.run(site, "settings", "list", "--json");
      assertThat(json.out()).doesNotContain(password);
      for (JsonNode setting : new ObjectMapper().readTree(json.out())) {
        if (setting.get("key").asText().equals("smtp.password")) {
          assertThat(setting.get("value").asText()).isEqualTo("••••");
          assertThat(setting.get("secret").asBoolean()).isTrue();
        }
      }
      for (Cli.Run run : java.util.List.of(set, get, list, json)) {
        assertThat(run.err()).doesNotContain(password);
      }
      assertThat(site.application().settings().find("smtp.password").orElseThrow().toString())
          .doesNotContain(password);
      assertThat(org.broadsheet.mail.MailSettings.from(site.application().settings()).toString())
          .doesNotContain(password);

      Cli.Run nothing = Cli.withInput("", site, "settings", "set", "smtp.password", "-");
      assertThat(nothing.exitCode()).isEqualTo(2);
      assertThat(nothing.err()).contains("no value on standard input");
      site.application().settings().reload();
      assertThat(site.application().settings().get("smtp.password")).isEqualTo(password);

      Cli.Run tooLong =
          Cli.withInput("x".repeat(300) + "\n", site, "settings", "set", "smtp.password", "-");
      assertThat(tooLong.exitCode()).isEqualTo(2);
      assertThat(tooLong.err()).contains("at most 255").doesNotContain("xxxxx");

      // Any setting can be read from standard input.
      Cli.withInput("Harbour Lights\n", site, "settings", "set", "site.name", "-");
      site.application().settings().reload();
      assertThat(site.application().settings().get("site.name")).isEqualTo("Harbour Lights");
    }
  }

  @Test
  void aSecretFromTheEnvironmentIsUsedButNeverShown() {
    String password = "from-the-environment-7";
    try (TestSite site =
        TestSite.open(Engine.SQLITE, Map.of("BROADSHEET_SMTP_PASSWORD", password))) {
      SettingsService settings = site.application().settings();
      assertThat(settings.get("smtp.password")).isEqualTo(password);
      SettingsService.SettingValue shown = settings.find("smtp.password").orElseThrow();
      assertThat(shown.source()).isEqualTo(SettingsService.Source.ENVIRONMENT);
      assertThat(shown.forDisplay().value()).isEqualTo("••••");
      assertThat(shown.forDisplay().defaultValue()).isEqualTo("(unset)");
    }
    String tooLong = "y".repeat(300);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TestSite.open(Engine.SQLITE, Map.of("BROADSHEET_SMTP_PASSWORD", tooLong)))
        .hasMessageContaining("BROADSHEET_SMTP_PASSWORD must be at most 255")
        .hasMessageNotContaining("yyyy");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] command :
        new String[][] {
          {"--help"},
          {"serve", "--help"},
          {"import", "--help"},
          {"import", "markdown", "--help"},
          {"settings", "--help"},
          {"settings", "list", "--help"},
          {"settings", "get", "--help"},
          {"settings", "set", "--help"},
          {"init", "--help"},
          {"backup", "--help"},
          {"restore", "--help"}
        }) {
      Cli.Run run = Cli.run(command);
      assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(run.out()).as(String.join(" ", command)).contains("Usage:");
    }
  }
}
