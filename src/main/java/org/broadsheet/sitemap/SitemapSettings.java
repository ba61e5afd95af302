package org.broadsheet.sitemap;

import java.util.List;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;

/** The text of robots.txt; the line naming the sitemap index is always added after it. */
public record SitemapSettings(String robotsTxt) {
  public static final List<SettingDefinition> DEFINITIONS =
      List.of(
          SettingDefinition.text(
              "site.robots_txt",
              "User-agent: *\nAllow: /",
              20_000,
              "The text of /robots.txt (the default lets every crawler read everything); a"
                  + " Sitemap: line naming the sitemap index is always added after it."));

  public static SitemapSettings from(SettingsService settings) {
    return new SitemapSettings(settings.get("site.robots_txt"));
  }
}
