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
          {"settings", "set", "--help"}
        }) {
      Cli.Run run = Cli.run(command);
      assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(run.out()).as(String.join(" ", command)).contains("Usage:");
    }
  }
}
