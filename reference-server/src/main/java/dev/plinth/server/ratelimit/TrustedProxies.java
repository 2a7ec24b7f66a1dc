package dev.plinth.server.ratelimit;

import dev.plinth.config.PlinthConfig;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the real client address of a request that came through reverse proxies. {@code
 * plinth.server.trusted-proxies} lists the proxies' networks (comma-separated CIDRs); empty (the
 * default) ignores forwarding headers, since anyone can send them. When the direct peer is trusted,
 * the chain of addresses in {@code Forwarded} (RFC 7239 {@code for=}, preferred when present) or
 * else {@code X-Forwarded-For} is walked from the right, skipping trusted proxies: the first
 * untrusted address is the client. Addresses a client put at the left of the header itself are thus
 * never believed. An entry that is not an IP address ({@code unknown}, an obfuscated name, garbage)
 * stops the walk: the last trusted hop is used instead.
 */
public final class TrustedProxies {
  /** The configuration key. */
  public static final String KEY = "plinth.server.trusted-proxies";

  private final List<Cidr> networks;

  private TrustedProxies(List<Cidr> networks) {
    this.networks = List.copyOf(networks);
  }

  /**
   * Parses the setting.
   *
   * @param text comma-separated CIDRs or addresses, or null/blank for none
   * @return the trusted networks
   * @throws dev.plinth.error.ConfigurationException naming the key if an entry is not a CIDR
   */
  public static TrustedProxies parse(String text) {
    List<Cidr> networks = new ArrayList<>();
    if (text != null) {
      for (String entry : text.split(",")) {
        if (entry.isBlank()) {
          continue;
        }
        networks.add(
            Cidr.parse(entry)
                .orElseThrow(
                    () ->
                        PlinthConfig.invalid(
                            KEY, text, "comma-separated CIDRs, e.g. 10.0.0.0/8,fd00::/8")));
      }
    }
    return new TrustedProxies(networks);
  }

  /**
   * Returns the address to key an anonymous caller by.
   *
   * @param peer the direct peer's address ({@code getRemoteAddr()})
   * @param forwarded the {@code Forwarded} header values, in order (may be empty)
   * @param forwardedFor the {@code X-Forwarded-For} header values, in order (may be empty)
   * @return the client address
   */
  public String clientAddress(String peer, List<String> forwarded, List<String> forwardedFor) {
    Optional<InetAddress> direct = Cidr.address(peer);
    if (networks.isEmpty() || direct.isEmpty() || !isTrusted(direct.get())) {
      return peer;
    }
    List<String> chain =
        forwarded.isEmpty()
            ? split(forwardedFor).stream().map(TrustedProxies::node).toList()
            : forValues(forwarded);
    InetAddress client = direct.get();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = Cidr.address(chain.get(i));
      if (hop.isEmpty()) {
        break; // not an address: trust nothing further left
      }
      client = hop.get();
      if (!isTrusted(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  private boolean isTrusted(InetAddress address) {
    return networks.stream().anyMatch(network -> network.contains(address));
  }

  private static List<String> split(List<String> headers) {
    List<String> entries = new ArrayList<>();
    for (String header : headers) {
      for (String entry : header.split(",")) {
        entries.add(entry.trim());
      }
    }
    return entries;
  }

  /** The {@code for=} node of each element, unquoted, without brackets and port. */
  private static List<String> forValues(List<String> headers) {
    List<String> nodes = new ArrayList<>();
    for (String element : split(headers)) {
      String node = "";
      for (String pair : element.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
          node = node(pair.substring(equals + 1).trim());
        }
      }
      nodes.add(node);
    }
    return nodes;
  }

  /**
   * An address without quotes, brackets and port ({@code "[2001:db8::1]:443"}, {@code 1.2.3.4:80}).
   */
  private static String node(String value) {
    String node = value;
    if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
      node = node.substring(1, node.length() - 1);
    }
    if (node.startsWith("[")) {
      int close = node.indexOf(']');
      return close < 0 ? "" : node.substring(1, close); // [v6]:port
    }
    int colon = node.indexOf(':');
    return colon >= 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
  }
}
