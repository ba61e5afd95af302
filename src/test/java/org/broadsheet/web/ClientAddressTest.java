package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private static final IpRanges PROXIES = IpRanges.parse("10.0.0.0/8, 127.0.0.1, ::1");

  private static ClientAddress resolve(
      String peer, String forwarded, String forwardedFor, String proto) {
    return ClientAddress.resolve(peer, false, PROXIES, forwarded, forwardedFor, proto);
  }

  @Test
  void withoutTrustedProxiesForwardingHeadersAreIgnored() {
    ClientAddress client =
        ClientAddress.resolve("203.0.113.9", false, IpRanges.NONE, null, "198.51.100.1", "https");
    assertThat(client).isEqualTo(new ClientAddress("203.0.113.9", false));
  }

  @Test
  void aStrangerCannotClaimAnAddress() {
    assertThat(resolve("203.0.113.9", null, "198.51.100.1", "https"))
        .isEqualTo(new ClientAddress("203.0.113.9", false));
  }

  @Test
  void theRightmostAddressThatIsNotATrustedProxyIsTheClient() {
    // The client forged the first entry; the proxies appended the rest honestly.
    assertThat(resolve("127.0.0.1", null, "6.6.6.6, 198.51.100.7, 10.1.2.3", "https"))
        .isEqualTo(new ClientAddress("198.51.100.7", true));
    assertThat(resolve("127.0.0.1", null, "198.51.100.7", null))
        .isEqualTo(new ClientAddress("198.51.100.7", false));
  }

  @Test
  void forwardedHeaderOfRfc7239IsPreferred() {
    assertThat(
            resolve(
                "::1",
                "for=6.6.6.6, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=10.0.0.2",
                "1.1.1.1",
                "http"))
        .isEqualTo(new ClientAddress("2001:db8:cafe::17", true));
    assertThat(resolve("127.0.0.1", "for=192.0.2.60:8080;proto=http;by=203.0.113.43", null, null))
        .isEqualTo(new ClientAddress("192.0.2.60", false));
  }

  @Test
  void anUnknownHopStopsTheWalkAtTheProxy() {
    assertThat(resolve("127.0.0.1", "for=unknown", null, null).ip()).isEqualTo("127.0.0.1");
    assertThat(resolve("127.0.0.1", null, "not-an-address", null).ip()).isEqualTo("127.0.0.1");
  }

  @Test
  void whenEveryHopIsTrustedTheFirstIsTheClient() {
    assertThat(resolve("127.0.0.1", null, "10.0.0.5, 10.0.0.6", null).ip()).isEqualTo("10.0.0.5");
  }

  @Test
  void rangesParseAndMatch() {
    assertThat(IpRanges.problemWith("10.0.0.0/8, ::1, 192.168.1.1")).isEmpty();
    assertThat(IpRanges.problemWith("10.0.0.0/33")).isPresent();
    assertThat(IpRanges.problemWith("proxy.example.org")).isPresent();
    assertThat(PROXIES.contains("10.200.3.4")).isTrue();
    assertThat(PROXIES.contains("11.0.0.1")).isFalse();
    assertThat(IpRanges.LOOPBACK.contains("::ffff:127.0.0.1")).isTrue();
  }
}
