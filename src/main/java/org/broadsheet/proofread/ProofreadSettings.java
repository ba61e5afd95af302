package org.broadsheet.proofread;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;

/**
 * How the newsroom's copy is proofread, as site settings under "proofread.".
 *
 * @param language the language tag asked for: proofread.language, else site.language
 * @param english which English a bare "en" means (en-GB, en-US, …)
 * @param preload whether a running site loads the language model in the background once it serves
 */
public record ProofreadSettings(String language, String english, boolean preload) {
  /** The Englishes LanguageTool's English module knows, by their tags. */
  public static final List<String> ENGLISHES =
      List.of("en-GB", "en-US", "en-CA", "en-AU", "en-NZ", "en-ZA");

  public static final List<SettingDefinition> DEFINITIONS =
      List.of(
          new SettingDefinition(
              "proofread.language",
              "",
              "The language articles are proofread in, as a language tag (en, en-GB, en-US);"
                  + " empty: the site's language (site.language). English only so far.",
              value ->
                  value.isEmpty() || value.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
                      ? Optional.empty()
                      : Optional.of("must be empty or a language tag such as en or en-GB")),
          SettingDefinition.choice(
              "proofread.english",
              "en-GB",
              ENGLISHES,
              "Which spelling a language of plain en (or an English LanguageTool does not know,"
                  + " such as en-IE) is proofread in."),
          SettingDefinition.flag(
              "proofread.preload",
              false,
              "Whether the running site loads the proofreading model (some seconds, about 110 MB)"
                  + " in the background once it serves, so the first check is fast; false: at the"
                  + " first check."));

  public static ProofreadSettings from(SettingsService settings) {
    String language = settings.get("proofread.language");
    return new ProofreadSettings(
        language.isEmpty() ? settings.get("site.language") : language,
        settings.get("proofread.english"),
        settings.getFlag("proofread.preload"));
  }

  /**
   * The settings where there is no site to read them from: the defaults, overridden by the same
   * environment variables a site would read (BROADSHEET_PROOFREAD_LANGUAGE, …).
   */
  public static ProofreadSettings fromEnvironment(Map<String, String> environment) {
    String language =
        nonEmpty(environment.get(SettingsService.environmentName("proofread.language")))
            .or(() -> nonEmpty(environment.get(SettingsService.environmentName("site.language"))))
            .orElse("en");
    String english =
        nonEmpty(environment.get(SettingsService.environmentName("proofread.english")))
            .filter(ENGLISHES::contains)
            .orElse("en-GB");
    return new ProofreadSettings(language, english, false);
  }

  /**
   * The LanguageTool language to proofread in: an English it knows as asked, a bare "en" (or an
   * English it does not know) as {@link #english}; empty for a language it cannot proofread yet.
   */
  public Optional<String> checkerLanguage() {
    String[] parts = language.strip().split("-");
    if (!parts[0].equalsIgnoreCase("en")) {
      return Optional.empty();
    }
    if (parts.length > 1) {
      String asked = "en-" + parts[1].toUpperCase(Locale.ROOT);
      if (ENGLISHES.contains(asked)) {
        return Optional.of(asked);
      }
    }
    return Optional.of(english);
  }

  private static Optional<String> nonEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
