package org.broadsheet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who is on the other end of a request. Behind a reverse proxy the socket's peer is the proxy, so
 * the client's address and scheme are read from the headers the proxy adds, but only when the peer
 * is a proxy the operator trusts (`web.trusted_proxies`): anyone else could write those headers.
 * The address taken is the rightmost one in the chain that is not itself a trusted proxy, since
 * every proxy appends the address it received the request from and only the trusted ones are honest
 * about it.
 *
 * @param ip the client's address, without port or brackets
 * @param secure whether the client reached the site over HTTPS
 */
public record ClientAddress(String ip, boolean secure) {

  /**
   * @param peer the socket peer's address
   * @param peerSecure whether the connection itself is TLS
   * @param forwarded the RFC 7239 Forwarded header, or null
   * @param forwardedFor X-Forwarded-For, or null
   * @param forwardedProto X-Forwarded-Proto, or null
   */
  public static ClientAddress resolve(
      String peer,
      boolean peerSecure,
      IpRanges trustedProxies,
      String forwarded,
      String forwardedFor,
      String forwardedProto) {
    String peerIp = bare(peer);
    if (trustedProxies.isEmpty() || !trustedProxies.contains(peerIp)) {
      return new ClientAddress(peerIp, peerSecure);
    }
    List<Hop> hops = forwarded != null ? forwardedHops(forwarded) : xForwardedHops(forwardedFor);
    String proto =
        forwarded != null ? null : firstValue(forwardedProto); // X-Forwarded-Proto: client side
    // Walk from the nearest hop outwards, past every proxy we trust.
    for (int i = hops.size() - 1; i >= 0; i--) {
      Hop hop = hops.get(i);
      String ip = bare(hop.address());
      if (forwarded != null && hop.proto() != null) {
        proto = hop.proto();
      }
      if (IpRanges.literal(ip) == null) {
        // "unknown" or an obfuscated identifier: the chain cannot be followed further.
        return new ClientAddress(peerIp, secure(proto, peerSecure));
      }
      if (i == 0 || !trustedProxies.contains(ip)) {
        return new ClientAddress(ip, secure(proto, peerSecure));
      }
    }
    return new ClientAddress(peerIp, secure(proto, peerSecure));
  }

  private record Hop(String address, String proto) {}

  private static boolean secure(String proto, boolean peerSecure) {
    return proto == null ? peerSecure : proto.strip().equalsIgnoreCase("https");
  }

  private static String firstValue(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).strip();
  }

  private static List<Hop> xForwardedHops(String header) {
    List<Hop> hops = new ArrayList<>();
    if (header != null) {
      for (String part : header.split(",")) {
        if (!part.isBlank()) {
          hops.add(new Hop(part.strip(), null));
        }
      }
    }
    return hops;
  }

  /** The hops of an RFC 7239 header: `for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"`. */
  private static List<Hop> forwardedHops(String header) {
    List<Hop> hops = new ArrayList<>();
    for (String element : splitOutsideQuotes(header, ',')) {
      String address = null;
      String proto = null;
      for (String pair : splitOutsideQuotes(element, ';')) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
          continue;
        }
        String name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        String value = unquote(pair.substring(equals + 1).strip());
        switch (name) {
          case "for" -> address = value;
          case "proto" -> proto = value;
          default -> {}
        }
      }
      if (address != null) {
        hops.add(new Hop(address, proto));
      }
    }
    return hops;
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /**
   * An address without its port or IPv6 brackets: "[::1]:4711" is "::1", "1.2.3.4:80" "1.2.3.4".
   */
  static String bare(String address) {
    if (address == null) {
      return "";
    }
    String a = address.strip();
    if (a.startsWith("[")) {
      int close = a.indexOf(']');
      return close > 0 ? a.substring(1, close) : a;
    }
    int colon = a.indexOf(':');
    if (colon > 0 && colon == a.lastIndexOf(':')) {
      return a.substring(0, colon); // IPv4 with a port
    }
    return a;
  }
}
