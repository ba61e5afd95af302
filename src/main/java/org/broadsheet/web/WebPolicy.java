package org.broadsheet.web;

import java.util.List;

/**
 * How the web layer treats requests, from the site's settings; read on every request, so it is
 * built once per change of settings.
 *
 * @param trustedProxies peers whose forwarding headers name the client (`web.trusted_proxies`)
 * @param trackingParameters query parameters dropped from redirects, `*` ending a prefix
 * @param httpsSite whether the site's public address is https, which makes every cookie Secure
 * @param accessLog whether a line is logged for every request
 * @param metricsAllowed clients that may read /metrics (`metrics.allowed`)
 */
public record WebPolicy(
    IpRanges trustedProxies,
    List<String> trackingParameters,
    boolean httpsSite,
    boolean accessLog,
    IpRanges metricsAllowed) {

  /** The policy of a site with no settings: no proxies, logs on, metrics for loopback only. */
  public static final WebPolicy DEFAULT =
      new WebPolicy(IpRanges.NONE, PageAddress.TRACKING_PARAMETERS, false, true, IpRanges.LOOPBACK);
}
