package org.broadsheet.app;

import java.util.List;
import java.util.Optional;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.web.CachePolicy;

/** The page cache's settings, under "cache.". */
final class CacheSettings {
  static final List<SettingDefinition> DEFINITIONS =
      List.of(
          SettingDefinition.integer(
              "cache.max_mb",
              256,
              1,
              65536,
              "Memory the page cache may use, in MB, counting every compressed variant; read at start."),
          SettingDefinition.integer(
              "cache.s_maxage",
              60,
              0,
              86400,
              "Seconds a CDN or other shared cache may keep a page (Cache-Control s-maxage)."),
          SettingDefinition.integer(
              "cache.stale_while_revalidate",
              30,
              0,
              86400,
              "Seconds a shared cache may serve a page while it fetches a fresh one."),
          new SettingDefinition(
              "cache.purge_url",
              "",
              "Where to POST {\"all\":…,\"paths\":[…]} when pages change, to purge a CDN; empty for none.",
              value ->
                  value.isEmpty() || value.matches("https?://\\S+")
                      ? Optional.empty()
                      : Optional.of("must be an http(s) address or empty")));

  private CacheSettings() {}

  static CachePolicy policy(SettingsService settings) {
    return new CachePolicy(
        settings.getInt("cache.max_mb") * 1024L * 1024L,
        settings.getInt("cache.s_maxage"),
        settings.getInt("cache.stale_while_revalidate"),
        settings.get("cache.purge_url"));
  }
}
