package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.about.TrustPage;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** What the settings page and the trust pages' page show. */
public final class SettingsPages {
  private SettingsPages() {}

  /**
   * One setting as the page shows it, its secret hidden.
   *
   * @param value the value as it may be shown (a secret's as set or unset)
   * @param field what the form's field holds: the value, what was typed when it was refused, and
   *     always nothing for a secret
   * @param environmentVariable the variable that overrides the setting
   * @param multiline whether the field is a text area (Markdown, robots.txt)
   * @param problem why the value typed was refused, or empty
   */
  public record Setting(
      String key,
      String value,
      String defaultValue,
      String description,
      SettingsService.Source source,
      String environmentVariable,
      boolean secret,
      boolean multiline,
      String field,
      String problem) {

    /** The id of its field, and the page's anchor of its form. */
    public String id() {
      return "setting-" + key.replace('.', '-');
    }

    public boolean fixedByEnvironment() {
      return source == SettingsService.Source.ENVIRONMENT;
    }

    public boolean refused() {
      return !problem.isEmpty();
    }
  }

  /** The settings that share a prefix (site, comments, smtp, …), under a heading. */
  public record Group(String prefix, String title, List<Setting> settings) {}

  /**
   * The settings page.
   *
   * @param notice what the last change did, or null
   * @param problem the refusal of the last change, or null
   */
  public record Settings(
      Layout layout,
      PageMeta meta,
      String csrf,
      List<Group> groups,
      String trustPath,
      String notice,
      String problem) {}

  /** A trust page with the setting that holds its text. */
  public record Trust(TrustPage page, Setting setting) {}

  /** The trust pages' page: each page's Markdown in a large field. */
  public record TrustPages(
      Layout layout,
      PageMeta meta,
      String csrf,
      List<Trust> pages,
      String notice,
      String problem) {}
}
