package org.broadsheet.web;

import java.util.List;
import java.util.Map;

/**
 * What every page's frame shows: the site's name, its sections, its stylesheet, and in its head the
 * site's feeds and icons.
 *
 * @param feeds the site's own feeds, linked from every page
 * @param icons the site's icons and web app manifest; null for none
 * @param publisherPages the newsroom's trust pages by the schema.org property of the publisher that
 *     names them ({@code publishingPrinciples} → {@code /about/principles}), for structured data
 */
public record Layout(
    String siteName,
    String siteDescription,
    String language,
    String baseUrl,
    List<NavLink> navigation,
    String stylesheetUrl,
    List<FeedLink> feeds,
    Icons icons,
    Map<String, String> publisherPages) {

  public Layout(
      String siteName,
      String siteDescription,
      String language,
      String baseUrl,
      List<NavLink> navigation,
      String stylesheetUrl,
      List<FeedLink> feeds,
      Icons icons) {
    this(
        siteName,
        siteDescription,
        language,
        baseUrl,
        navigation,
        stylesheetUrl,
        feeds,
        icons,
        Map.of());
  }

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
