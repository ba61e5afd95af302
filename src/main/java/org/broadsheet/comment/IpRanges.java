package org.broadsheet.comment;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** Matches an IP address against single addresses and CIDR ranges, IPv4 or IPv6. */
final class IpRanges {
  private IpRanges() {}

  static Optional<String> problemWith(String commaSeparated) {
    for (String range : commaSeparated.split(",")) {
      String trimmed = range.strip();
      if (!trimmed.isEmpty() && parse(trimmed) == null) {
        return Optional.of("has \"" + trimmed + "\", which is not an IP address or CIDR range");
      }
    }
    return Optional.empty();
  }

  /** A network and how many leading bits of an address must match it. */
  private record Range(byte[] network, int bits) {}

  static boolean contains(List<String> ranges, String ip) {
    byte[] address = literal(ip);
    if (address == null) {
      return false;
    }
    for (String range : ranges) {
      Range parsed = parse(range);
      if (parsed != null
          && parsed.network().length == address.length
          && matches(parsed.network(), address, parsed.bits())) {
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

  private static Range parse(String range) {
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

  /** Parses an address literal without ever asking DNS. */
  private static byte[] literal(String text) {
    String t = text.strip();
    if (!t.matches("[0-9.]+") && !t.matches("[0-9a-fA-F:.]+")) {
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
