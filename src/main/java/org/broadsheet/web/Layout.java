package org.broadsheet.web;

import java.util.List;

/**
 * What every page's frame shows: the site's name, its sections, its stylesheet, and in its head the
 * site's feeds and icons.
 *
 * @param feeds the site's own feeds, linked from every page
 * @param icons the site's icons and web app manifest; null for none
 */
public record Layout(
    String siteName,
    String siteDescription,
    String language,
    String baseUrl,
    List<NavLink> navigation,
    String stylesheetUrl,
    List<FeedLink> feeds,
    Icons icons) {

  public Layout(
      String siteName,
      String siteDescription,
      String language,
      String baseUrl,
      List<NavLink> navigation,
      String stylesheetUrl) {
    this(siteName, siteDescription, language, baseUrl, navigation, stylesheetUrl, List.of(), null);
  }

  public record NavLink(String label, String path) {}

  /**
   * Where the site's icons are, for the head of every page.
   *
   * @param themeColour the browser's toolbar colour, as #rrggbb
   */
  public record Icons(
      String favicon, String svg, String touchIcon, String manifest, String themeColour) {}
}
