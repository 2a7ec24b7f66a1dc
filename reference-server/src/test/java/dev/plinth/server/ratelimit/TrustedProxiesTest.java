package dev.plinth.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, fd00::/8");

  @Test
  void clientAddress_noTrustedProxies_ignoresForwardingHeaders() {
    TrustedProxies none = TrustedProxies.parse("");

    assertThat(none.clientAddress("10.0.0.1", List.of(), List.of("203.0.113.7")))
        .isEqualTo("10.0.0.1");
  }

  @Test
  void clientAddress_untrustedPeer_ignoresForwardingHeaders() {
    assertThat(PROXIES.clientAddress("198.51.100.9", List.of(), List.of("203.0.113.7")))
        .isEqualTo("198.51.100.9");
  }

  @Test
  void clientAddress_trustedPeer_usesRightMostUntrustedAddress() {
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of(), List.of("203.0.113.7, 10.1.2.3")))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void clientAddress_spoofedLeftEntries_areNotBelieved() {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real peer.
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of(), List.of("1.2.3.4", "198.51.100.20")))
        .isEqualTo("198.51.100.20");
  }

  @Test
  void clientAddress_spoofedTrustedLookingEntry_stopsAtFirstUntrusted() {
    assertThat(
            PROXIES.clientAddress(
                "10.0.0.1", List.of(), List.of("10.9.9.9, 198.51.100.20, 10.0.0.2")))
        .isEqualTo("198.51.100.20");
  }

  @Test
  void clientAddress_garbageEntry_fallsBackToLastTrustedHop() {
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of(), List.of("evil.example, 10.0.0.7")))
        .isEqualTo("10.0.0.7");
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of(), List.of("999.1.1.1")))
        .isEqualTo("10.0.0.1");
  }

  @Test
  void clientAddress_allHopsTrusted_usesLeftMost() {
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of(), List.of("10.0.0.3, 10.0.0.2")))
        .isEqualTo("10.0.0.3");
  }

  @Test
  void clientAddress_noHeader_usesPeer() {
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of(), List.of())).isEqualTo("10.0.0.1");
  }

  @Test
  void clientAddress_ipv6_matchesCidrAndNormalises() {
    assertThat(
            PROXIES.clientAddress(
                "fd12::1", List.of(), List.of("2001:DB8:0:0::17, fd00:0:0:0:0:0:0:2")))
        .isEqualTo("2001:db8:0:0:0:0:0:17");
  }

  @Test
  void clientAddress_entriesWithPorts_areStripped() {
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of(), List.of("203.0.113.7:51234")))
        .isEqualTo("203.0.113.7");
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of(), List.of("[2001:db8::5]:443")))
        .isEqualTo("2001:db8:0:0:0:0:0:5");
  }

  @Test
  void clientAddress_forwardedHeader_isPreferredAndParsed() {
    assertThat(
            PROXIES.clientAddress(
                "10.0.0.1",
                List.of("for=192.0.2.60;proto=http;by=10.0.0.1, for=\"[2001:db8:cafe::17]:4711\""),
                List.of("198.51.100.1")))
        .isEqualTo("2001:db8:cafe:0:0:0:0:17");
    assertThat(PROXIES.clientAddress("10.0.0.1", List.of("For=unknown, for=10.0.0.5"), List.of()))
        .isEqualTo("10.0.0.5");
  }

  @Test
  void parse_badCidr_namesTheKey() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(TrustedProxies.KEY);
    assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal"))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void cidr_contains_respectsPrefixBitsAndFamily() {
    Cidr network = Cidr.parse("192.168.4.0/22").orElseThrow();

    assertThat(network.contains(Cidr.address("192.168.7.255").orElseThrow())).isTrue();
    assertThat(network.contains(Cidr.address("192.168.8.0").orElseThrow())).isFalse();
    assertThat(network.contains(Cidr.address("::ffff:192.168.5.1").orElseThrow())).isTrue();
    assertThat(network.contains(Cidr.address("2001:db8::1").orElseThrow())).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").orElseThrow().contains(Cidr.address("8.8.8.8").get()))
        .isTrue();
    assertThat(
            Cidr.parse("2001:db8::/33")
                .orElseThrow()
                .contains(Cidr.address("2001:db8:8000::").get()))
        .isFalse();
  }

  @Test
  void address_neverResolvesNames() {
    assertThat(Cidr.address("localhost")).isEmpty();
    assertThat(Cidr.address("a:b")).isEmpty();
    assertThat(Cidr.address("1.2.3")).isEmpty();
    assertThat(Cidr.address("fe80::1%eth0")).isEmpty();
  }
}
