package org.broadsheet.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The site-wide settings: what the site is called, where it lives and how it speaks. */
public record SiteSettings(
    String name,
    String description,
    String baseUrl,
    String language,
    ZoneId timeZone,
    int pageSize,
    boolean typography) {

  public static final List<SettingDefinition> DEFINITIONS =
      List.of(
          SettingDefinition.text(
              "site.name",
              "Broadsheet",
              120,
              "The site's name, shown in every page's header and title."),
          SettingDefinition.text(
              "site.description",
              "Independent news, reported and corrected in the open.",
              300,
              "The site's one-line description, used as the front page's meta description."),
          new SettingDefinition(
              "site.base_url",
              "http://localhost:8080",
              "The public address of the site, used for canonical links, feeds and email. Until it is"
                  + " set, the address the site is served at (http://HOST:PORT as bound).",
              value ->
                  value.matches("https?://[^\\s/]+(/[^\\s]*)?") && !value.endsWith("/")
                      ? Optional.empty()
                      : Optional.of("must be an http(s) address without a trailing slash")),
          new SettingDefinition(
              "site.language",
              "en",
              "The language of the site's pages, as a BCP 47 tag (the html lang attribute).",
              value ->
                  value.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
                      ? Optional.empty()
                      : Optional.of("must be a language tag such as en or en-GB")),
          new SettingDefinition(
              "site.time_zone",
              "UTC",
              "The time zone in which dates are shown, such as Europe/London.",
              value -> {
                try {
                  ZoneId.of(value);
                  return Optional.empty();
                } catch (DateTimeException e) {
                  return Optional.of("must be a time zone such as UTC or Europe/London");
                }
              }),
          SettingDefinition.integer(
              "site.page_size", 10, 1, 100, "How many articles a listing page shows."),
          SettingDefinition.flag(
              "typography.enabled",
              true,
              "House style: show curly quotes and apostrophes, en and em dashes (-- and ---) and"
                  + " ellipses (...) in headlines, kickers, standfirsts, bodies and captions. Text is"
                  + " stored as written; code and addresses are never changed."));

  public static SiteSettings from(SettingsService settings) {
    return new SiteSettings(
        settings.get("site.name"),
        settings.get("site.description"),
        settings.get("site.base_url"),
        settings.get("site.language"),
        ZoneId.of(settings.get("site.time_zone")),
        settings.getInt("site.page_size"),
        settings.getFlag("typography.enabled"));
  }
}
