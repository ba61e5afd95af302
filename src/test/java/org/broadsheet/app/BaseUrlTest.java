package org.broadsheet.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.settings.SettingsService;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BaseUrlTest {
  @Test
  void untilSetTheBaseUrlIsTheAddressActuallyServed() {
    try (TestSite site = TestSite.serving(Engine.SQLITE)) {
      String served = site.url("");
      SettingsService settings = site.application().settings();
      assertThat(settings.get("site.base_url")).isEqualTo(served);
      SettingsService.SettingValue value = settings.find("site.base_url").orElseThrow();
      assertThat(value.source()).isEqualTo(SettingsService.Source.DEFAULT);
      assertThat(value.defaultValue()).isEqualTo(served);
      assertThat(Jsoup.parse(site.get("/").body()).selectFirst("link[rel=canonical]").attr("href"))
          .startsWith(served + "/");
      assertThat(site.application().baseUrlWarning()).isEmpty();

      // A command run beside the running site shows the same effective default.
      Cli.Run get = Cli.run(site, "settings", "get", "site.base_url");
      assertThat(get.out().strip()).isEqualTo(served);
      assertThat(Cli.run(site, "settings", "list").out())
          .contains("default: \"" + served + "\"; from default");

      // The database wins over the served default, and the environment over both.
      Cli.run(site, "settings", "set", "site.base_url", "https://news.example.org");
      settings.reload();
      assertThat(settings.get("site.base_url")).isEqualTo("https://news.example.org");
    }
  }

  @Test
  void theDocumentedDefaultStandsWhileNoSiteIsServed() {
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      assertThat(site.application().settings().get("site.base_url"))
          .isEqualTo("http://localhost:8080");
    }
  }

  @Test
  void warnsWhenTheBaseUrlNamesThisMachineWhileTheSiteListensBeyondIt() {
    assertThat(PublicAddress.warning("0.0.0.0", "http://localhost:8080"))
        .hasValueSatisfying(
            w -> assertThat(w).contains("site.base_url is http://localhost:8080", "0.0.0.0"));
    assertThat(PublicAddress.warning("0.0.0.0", "http://0.0.0.0:8080")).isPresent();
    assertThat(PublicAddress.warning("::", "http://[::1]:8080")).isPresent();
    assertThat(PublicAddress.warning("192.0.2.10", "http://127.0.0.1:8080/news")).isPresent();
    assertThat(PublicAddress.warning("0.0.0.0", "https://news.example.org")).isEmpty();
    assertThat(PublicAddress.warning("127.0.0.1", "http://localhost:8080")).isEmpty();
    assertThat(PublicAddress.warning("localhost", "http://127.0.0.1:8080")).isEmpty();
    assertThat(PublicAddress.served("::1", 8080)).isEqualTo("http://[::1]:8080");
  }
}
