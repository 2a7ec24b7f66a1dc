package dev.plinth.server.ratelimit;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare address
 * is a single-host network. An IPv4 network never matches an IPv6 address and vice versa (an
 * IPv4-mapped IPv6 address such as {@code ::ffff:10.0.0.1} is read as the IPv4 address).
 *
 * @param network the network address bytes
 * @param prefix the prefix length in bits
 */
record Cidr(byte[] network, int prefix) {
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /**
   * Parses a CIDR or a single address.
   *
   * @param text e.g. {@code 192.168.0.0/16}
   * @return the network, or empty when it is not one
   */
  static Optional<Cidr> parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    Optional<InetAddress> address = address(slash < 0 ? trimmed : trimmed.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = address.get().getAddress();
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cidr(bytes, prefix));
  }

  /**
   * Parses an IP address literal, never a host name (no DNS lookup is ever made).
   *
   * @param text e.g. {@code 203.0.113.7} or {@code 2001:db8::1}
   * @return the address, or empty when the text is not an IP literal
   */
  static Optional<InetAddress> address(String text) {
    String literal = text.trim();
    try {
      if (IPV4.matcher(literal).matches()) {
        byte[] bytes = new byte[4];
        String[] parts = literal.split("\\.");
        for (int i = 0; i < 4; i++) {
          int part = Integer.parseInt(parts[i]);
          if (part > 255) {
            return Optional.empty();
          }
          bytes[i] = (byte) part;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      // Bracketed, the JDK parses an IPv6 literal or fails; it never resolves a name.
      return IPV6.matcher(literal).matches()
          ? Optional.of(InetAddress.getByName("[" + literal + "]"))
          : Optional.empty();
    } catch (java.net.UnknownHostException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells whether an address lies in this network.
   *
   * @param address the address
   * @return true if its first {@link #prefix} bits equal the network's
   */
  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (bytes[full] & mask) == (network[full] & mask);
  }
}
