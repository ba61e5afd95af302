package org.broadsheet.search;

import java.util.List;
import java.util.Optional;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;

/**
 * How the site searches, as settings under "search.".
 *
 * @param language the language whose stemming and stop words the index uses (a {@link
 *     SearchLanguage} code)
 * @param ratePerMinute searches one client address may make per minute
 */
public record SearchSettings(String language, int ratePerMinute) {
  public static final List<SettingDefinition> DEFINITIONS =
      List.of(
          new SettingDefinition(
              "search.language",
              "",
              "The language of the search index's stemming and stop words: "
                  + String.join(", ", SearchLanguage.CODES)
                  + " (no stemming); empty follows site.language. A change rebuilds the index.",
              value ->
                  value.isEmpty() || SearchLanguage.CODES.contains(value)
                      ? Optional.empty()
                      : Optional.of(
                          "must be empty or one of: " + String.join(", ", SearchLanguage.CODES))),
          SettingDefinition.integer(
              "search.rate_per_minute",
              30,
              1,
              100_000,
              "Searches one client address may make per minute; more are answered 429."));

  public static SearchSettings from(SettingsService settings) {
    String language = settings.get("search.language");
    return new SearchSettings(
        language.isEmpty() ? SearchLanguage.forTag(settings.get("site.language")) : language,
        settings.getInt("search.rate_per_minute"));
  }
}
