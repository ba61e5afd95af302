package org.broadsheet.web;

import io.javalin.http.Context;
import java.net.URI;

/**
 * Cross-site request forgery check for every form of the site: browsers name the page a form was
 * sent from (Origin, or Referer); it must be this site. A form sent from elsewhere changes nothing.
 * Checked from the headers alone, before the body is read, so a forged post costs nothing.
 */
public final class FormOrigin {
  private FormOrigin() {}

  /**
   * @param baseUrl the site's public address; a form from it counts as this site's, as does one
   *     from the address the request was sent to
   */
  public static boolean fromThisSite(Context ctx, String baseUrl) {
    return fromThisSite(
        ctx.header("Sec-Fetch-Site"),
        ctx.header("Origin"),
        ctx.header("Referer"),
        ctx.host(),
        baseUrl);
  }

  static boolean fromThisSite(
      String fetchSite, String origin, String referer, String host, String baseUrl) {
    if ("cross-site".equals(fetchSite)) {
      return false;
    }
    String source = origin != null ? origin : referer;
    if (source == null || source.equals("null")) {
      return false;
    }
    try {
      String authority = URI.create(source).getAuthority();
      return authority != null
          && (authority.equalsIgnoreCase(host)
              || authority.equalsIgnoreCase(URI.create(baseUrl).getAuthority()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
