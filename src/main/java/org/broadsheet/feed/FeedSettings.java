package org.broadsheet.feed;

import java.util.List;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;

/** What the feeds carry, as site settings under "feeds.". */
public record FeedSettings(boolean fullText, int entries) {
  /** The most entries a feed may be set to carry. */
  public static final int MAX_ENTRIES = 100;

  public static final List<SettingDefinition> DEFINITIONS =
      List.of(
          SettingDefinition.flag(
              "feeds.full_text",
              false,
              "Whether feeds carry each article's full text; otherwise its standfirst as a summary."),
          SettingDefinition.integer(
              "feeds.entries",
              20,
              1,
              MAX_ENTRIES,
              "How many of the newest articles each feed carries."));

  public static FeedSettings from(SettingsService settings) {
    return new FeedSettings(settings.getFlag("feeds.full_text"), settings.getInt("feeds.entries"));
  }
}
