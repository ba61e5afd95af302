package org.broadsheet.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.web.IpRanges;
import org.broadsheet.web.PageAddress;
import org.broadsheet.web.WebPolicy;
import org.broadsheet.web.WebServer;

/** How the server meets requests: proxies, tracking parameters, logs, metrics, render limits. */
final class WebSettings {
  static final List<SettingDefinition> DEFINITIONS =
      List.of(
          new SettingDefinition(
              "web.trusted_proxies",
              "",
              "Addresses and CIDR ranges of the reverse proxies in front of the site, comma-separated. Only from these peers are Forwarded and X-Forwarded-For/-Proto read; empty trusts none.",
              IpRanges::problemWith),
          new SettingDefinition(
              "web.tracking_parameters",
              "",
              "Query parameters to treat as tracking, besides the built-in list (utm_*, fbclid, gclid, …), comma-separated; a name ending in * is a prefix. They never cause a render and are dropped from redirects.",
              value ->
                  value.isEmpty()
                          || value.matches("[A-Za-z0-9_.\\-]+\\*?(\\s*,\\s*[A-Za-z0-9_.\\-]+\\*?)*")
                      ? Optional.empty()
                      : Optional.of("must be parameter names separated by commas")),
          SettingDefinition.flag(
              "web.access_log",
              true,
              "Whether one line per request is logged to standard output (logger \"access\")."),
          SettingDefinition.integer(
              "web.max_renders",
              0,
              0,
              256,
              "Pages rendered at once; 0 means one per core but one (at least one), leaving a core to the threads that answer cached pages. Read at start."),
          SettingDefinition.integer(
              "web.render_queue",
              64,
              0,
              100_000,
              "Renders that may wait for their turn; beyond that a request is answered 503 with Retry-After. Read at start."),
          new SettingDefinition(
              "metrics.allowed",
              "127.0.0.0/8, ::1",
              "Addresses and CIDR ranges that may read /metrics, comma-separated; empty allows none.",
              IpRanges::problemWith));

  private WebSettings() {}

  /** A policy and the setting values it was made from. */
  private record Made(long version, List<String> values, WebPolicy policy) {}

  /** The render limits, read at start. */
  static WebServer.Limits limits(SettingsService settings) {
    int renders = settings.getInt("web.max_renders");
    WebServer.Limits machine = WebServer.Limits.forThisMachine();
    return new WebServer.Limits(
        renders == 0 ? machine.maxRenders() : renders, settings.getInt("web.render_queue"));
  }

  /**
   * The policy of the settings as they are now. Read on every request, so it is rebuilt only when
   * the settings were read again, and then only if one of its values changed (the same object
   * otherwise, which lets the web layer keep what it derived from it).
   */
  static Supplier<WebPolicy> policy(SettingsService settings) {
    AtomicReference<Made> last = new AtomicReference<>(new Made(-1, List.of(), null));
    return () -> {
      Made made = last.get();
      long version = settings.version();
      if (made.version() == version) {
        return made.policy();
      }
      List<String> values =
          List.of(
              settings.get("web.trusted_proxies"),
              settings.get("web.tracking_parameters"),
              settings.get("site.base_url"),
              settings.get("web.access_log"),
              settings.get("metrics.allowed"));
      WebPolicy policy = values.equals(made.values()) ? made.policy() : build(values);
      last.set(new Made(version, values, policy));
      return policy;
    };
  }

  private static WebPolicy build(List<String> values) {
    List<String> tracking = new ArrayList<>(PageAddress.TRACKING_PARAMETERS);
    for (String name : values.get(1).split(",")) {
      if (!name.isBlank()) {
        tracking.add(name.strip().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return new WebPolicy(
        IpRanges.parse(values.get(0)),
        tracking,
        values.get(2).startsWith("https://"),
        Boolean.parseBoolean(values.get(3)),
        IpRanges.parse(values.get(4)));
  }
}
