package org.broadsheet.web;

import java.util.List;

/** What every page's frame shows: the site's name, its sections, its stylesheet. */
public record Layout(
    String siteName,
    String siteDescription,
    String language,
    String baseUrl,
    List<NavLink> navigation,
    String stylesheetUrl) {

  public record NavLink(String label, String path) {}
}
