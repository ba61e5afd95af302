package org.broadsheet.about;

import java.util.Arrays;
import java.util.List;
import org.broadsheet.settings.SettingDefinition;

/** The trust pages' texts: Markdown, empty until the newsroom writes them. */
public final class AboutSettings {
  public static final int MAX_CHARS = 20_000;

  public static final List<SettingDefinition> DEFINITIONS =
      Arrays.stream(TrustPage.values())
          .map(
              page ->
                  SettingDefinition.text(
                      page.settingKey(),
                      "",
                      MAX_CHARS,
                      "Markdown text of " + page.path() + " (" + page.title() + ")."))
          .toList();

  private AboutSettings() {}
}
