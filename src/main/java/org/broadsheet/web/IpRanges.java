package org.broadsheet.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list of IP addresses and CIDR ranges, IPv4 or IPv6, as operators write them in settings
 * ("10.0.0.0/8, ::1"). Parsed once; matching never asks DNS.
 */
public final class IpRanges {
  /** No address at all. */
  public static final IpRanges NONE = new IpRanges(List.of());

  /** The loopback addresses, IPv4 and IPv6. */
  public static final IpRanges LOOPBACK = parse("127.0.0.0/8, ::1");

  /** A network and how many leading bits of an address must match it. */
  private record Range(byte[] network, int bits) {}

  private final List<Range> ranges;

  private IpRanges(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** Why a comma-separated list is not one of addresses and ranges; empty when it is. */
  public static Optional<String> problemWith(String commaSeparated) {
    for (String range : commaSeparated.split(",")) {
      String trimmed = range.strip();
      if (!trimmed.isEmpty() && range(trimmed) == null) {
        return Optional.of("has \"" + trimmed + "\", which is not an IP address or CIDR range");
      }
    }
    return Optional.empty();
  }

  /** Parses a comma-separated list; entries that are not addresses or ranges are left out. */
  public static IpRanges parse(String commaSeparated) {
    List<Range> parsed = new ArrayList<>();
    for (String range : commaSeparated.split(",")) {
      Range one = range.isBlank() ? null : range(range.strip());
      if (one != null) {
        parsed.add(one);
      }
    }
    return new IpRanges(List.copyOf(parsed));
  }

  public static boolean contains(List<String> ranges, String ip) {
    return parse(String.join(",", ranges)).contains(ip);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean contains(String ip) {
    if (ranges.isEmpty() || ip == null) {
      return false;
    }
    byte[] address = literal(ip);
    if (address == null) {
      return false;
    }
    for (Range range : ranges) {
      if (range.network().length == address.length
          && matches(range.network(), address, range.bits())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(byte[] network, byte[] address, int bits) {
    for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
      if ((network[i] & mask) != (address[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static Range range(String range) {
    String[] parts = range.split("/", 2);
    byte[] network = literal(parts[0]);
    if (network == null) {
      return null;
    }
    int bits = network.length * 8;
    if (parts.length == 2) {
      try {
        bits = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        return null;
      }
      if (bits < 0 || bits > network.length * 8) {
        return null;
      }
    }
    return new Range(network, bits);
  }

  /** Parses an address literal without ever asking DNS; null when it is not one. */
  static byte[] literal(String text) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.isEmpty() || (!t.matches("[0-9.]+") && !t.matches("[0-9a-fA-F:.]+"))) {
      return null;
    }
    if (t.matches("[0-9.]+") && !t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null;
    }
    try {
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
