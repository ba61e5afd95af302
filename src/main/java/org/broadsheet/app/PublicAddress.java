package org.broadsheet.app;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The address a site is served at, and whether readers elsewhere can reach its base_url. */
final class PublicAddress {
  private PublicAddress() {}

  /** http://HOST:PORT for the address as bound, IPv6 literals in brackets. */
  static String served(String host, int port) {
    String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port;
  }

  /**
   * A warning when the site listens beyond this machine while its base_url (used in canonical
   * links, feeds and email) still names this machine only: localhost, a loopback or the wildcard
   * address. Readers elsewhere would follow links that lead nowhere.
   */
  static Optional<String> warning(String listenHost, String baseUrl) {
    if (onlyThisMachine(listenHost) && !wildcard(listenHost)) {
      return Optional.empty();
    }
    String baseHost;
    try {
      baseHost = URI.create(baseUrl).getHost();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (baseHost == null || !(onlyThisMachine(baseHost) || wildcard(baseHost))) {
      return Optional.empty();
    }
    return Optional.of(
        "site.base_url is "
            + baseUrl
            + ", which readers on other machines cannot reach, while the site listens on "
            + listenHost
            + "; set the public address with: ./broadsheet settings set site.base_url"
            + " https://news.example.org");
  }

  private static boolean onlyThisMachine(String host) {
    String name = unbracketed(host);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    return literal(name).map(InetAddress::isLoopbackAddress).orElse(false);
  }

  private static boolean wildcard(String host) {
    return literal(unbracketed(host)).map(InetAddress::isAnyLocalAddress).orElse(false);
  }

  private static String unbracketed(String host) {
    return host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
  }

  /** An IP address written out; host names are never looked up. */
  private static Optional<InetAddress> literal(String host) {
    try {
      return Optional.of(InetAddress.ofLiteral(host));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
