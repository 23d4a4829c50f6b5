package dev.alertwire.domain.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy as a pure function over InetAddress values built from bytes: no lookup, no connection. */
class OutboundPolicyTest {
  private static final OutboundPolicy.OwnListener OWN =
      new OutboundPolicy.OwnListener(Set.of(8080), Set.of(ip(10, 0, 0, 5)));

  private static InetAddress ip(int... parts) {
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = (byte) parts[i];
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress address(String text) {
    return IpNotation.parse(text).orElseThrow();
  }

  private static OutboundPolicy.Decision check(OutboundPolicy policy, String address, int port) {
    return policy.check(address(address), port, OWN);
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "169.254.169.254 | 169.254.169.254 is in the denied range 169.254.0.0/16 (link-local)",
        "169.254.0.1 | 169.254.0.1 is in the denied range 169.254.0.0/16 (link-local)",
        "fe80::1 | fe80::1 is in the denied range fe80::/10 (link-local)",
        "febf:ffff::1 | febf:ffff::1 is in the denied range fe80::/10 (link-local)",
        "0.0.0.0 | 0.0.0.0 is in the denied range 0.0.0.0/8 (unspecified)",
        "0.1.2.3 | 0.1.2.3 is in the denied range 0.0.0.0/8 (unspecified)",
        ":: | :: is in the denied range ::/128 (unspecified)",
        "224.0.0.1 | 224.0.0.1 is in the denied range 224.0.0.0/4 (multicast)",
        "239.255.255.250 | 239.255.255.250 is in the denied range 224.0.0.0/4 (multicast)",
        "ff02::1 | ff02::1 is in the denied range ff00::/8 (multicast)",
        "255.255.255.255 | 255.255.255.255 is in the denied range 255.255.255.255/32 (broadcast)",
        "::ffff:169.254.169.254 | 169.254.169.254 is in the denied range 169.254.0.0/16 (link-local)",
        "64:ff9b::a9fe:a9fe | 64:ff9b::a9fe:a9fe embeds 169.254.169.254, and 169.254.169.254 is in the denied range 169.254.0.0/16 (link-local)",
        "2002:a9fe:a9fe::1 | 2002:a9fe:a9fe::1 embeds 169.254.169.254, and 169.254.169.254 is in the denied range 169.254.0.0/16 (link-local)",
        "::169.254.169.254 | ::a9fe:a9fe embeds 169.254.169.254, and 169.254.169.254 is in the denied range 169.254.0.0/16 (link-local)",
      })
  void defaultsRefuse(String address, String reason) {
    OutboundPolicy.Decision d = check(OutboundPolicy.DEFAULT, address, 80);
    assertFalse(d.allowed(), address);
    assertEquals(reason, d.reason());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "100.64.0.1", "fd00::1", "fc00::1", "8.8.8.8", "2001:db8::1", "::ffff:10.0.0.1", "169.253.255.255", "169.255.0.0",
        "223.255.255.255", "240.0.0.1", "1.0.0.0"
      })
  void defaultsAllowPrivateLoopbackAndPublic(String address) {
    OutboundPolicy.Decision d = check(OutboundPolicy.DEFAULT, address, 80);
    assertTrue(d.allowed(), address + ": " + d.reason());
  }

  @Test
  void theOwnListenerIsRefusedOnEveryLocalAddressButOtherPortsAreNot() {
    assertEquals("127.0.0.1:8080 is Alertwire's own listener", check(OutboundPolicy.DEFAULT, "127.0.0.1", 8080).reason());
    assertEquals("127.0.0.2:8080 is Alertwire's own listener", check(OutboundPolicy.DEFAULT, "127.0.0.2", 8080).reason());
    assertEquals("[::1]:8080 is Alertwire's own listener", check(OutboundPolicy.DEFAULT, "::1", 8080).reason());
    assertEquals("10.0.0.5:8080 is Alertwire's own listener", check(OutboundPolicy.DEFAULT, "10.0.0.5", 8080).reason(), "a local interface");
    assertEquals("0.0.0.0:8080 is Alertwire's own listener", check(OutboundPolicy.DEFAULT, "0.0.0.0", 8080).reason());
    assertEquals("127.0.0.1:8080 is Alertwire's own listener", check(OutboundPolicy.DEFAULT, "::ffff:127.0.0.1", 8080).reason());
    assertEquals(
        "::7f00:1 embeds 127.0.0.1, and 127.0.0.1:8080 is Alertwire's own listener",
        check(OutboundPolicy.DEFAULT, "::127.0.0.1", 8080).reason());
    assertTrue(check(OutboundPolicy.DEFAULT, "127.0.0.1", 8081).allowed());
    assertTrue(check(OutboundPolicy.DEFAULT, "10.0.0.6", 8080).allowed(), "another host's 8080");
    OutboundPolicy allowAll = OutboundPolicy.parse("127.0.0.0/8", "");
    assertFalse(check(allowAll, "127.0.0.1", 8080).allowed(), "no allow entry opens the own listener");
  }

  @Test
  void everyNotationOfTheOwnListenerIsTheSameAddress() {
    for (String host : List.of("2130706433", "0x7f000001", "0177.0.0.1", "127.1", "127.0.1", "::ffff:127.0.0.1", "[::ffff:7f00:1]", "017700000001")) {
      assertEquals("127.0.0.1:8080 is Alertwire's own listener", check(OutboundPolicy.DEFAULT, host, 8080).reason(), host);
    }
    for (String host : List.of("2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "169.254.43518", "::ffff:a9fe:a9fe")) {
      assertEquals(
          "169.254.169.254 is in the denied range 169.254.0.0/16 (link-local)", check(OutboundPolicy.DEFAULT, host, 80).reason(), host);
    }
  }

  @Test
  void theDenyListRefusesAndWinsOverTheAllowList() {
    OutboundPolicy policy = OutboundPolicy.parse("127.0.0.0/8, 10.0.0.0/8", "127.0.0.2/32,10.9.0.0/16");
    assertEquals("127.0.0.2 is in the denied range 127.0.0.2/32 (ALERTWIRE_OUTBOUND_DENY)", check(policy, "127.0.0.2", 80).reason());
    assertEquals("10.9.1.1 is in the denied range 10.9.0.0/16 (ALERTWIRE_OUTBOUND_DENY)", check(policy, "10.9.1.1", 80).reason());
    assertEquals(
        "127.0.0.2 is in the denied range 127.0.0.2/32 (ALERTWIRE_OUTBOUND_DENY)", check(policy, "::ffff:127.0.0.2", 80).reason());
    assertTrue(check(policy, "127.0.0.1", 80).allowed());
    assertTrue(check(policy, "10.8.1.1", 80).allowed());
  }

  @Test
  void aNonEmptyAllowListAllowsOnlyItsRanges() {
    OutboundPolicy policy = OutboundPolicy.parse("192.168.0.0/16,fd00::/8", "");
    assertTrue(check(policy, "192.168.10.20", 443).allowed());
    assertTrue(check(policy, "fd12::1", 443).allowed());
    assertEquals(
        "10.0.0.1 is not in the allowed ranges (ALERTWIRE_OUTBOUND_ALLOW: 192.168.0.0/16, fd00::/8)",
        check(policy, "10.0.0.1", 443).reason());
    assertFalse(check(policy, "127.0.0.1", 443).allowed());
    assertFalse(check(policy, "8.8.8.8", 443).allowed());
  }

  @Test
  void aBuiltInRangeIsLiftedOnlyByAnAllowEntryInsideIt() {
    OutboundPolicy narrow = OutboundPolicy.parse("169.254.10.0/24", "");
    assertTrue(check(narrow, "169.254.10.7", 80).allowed());
    assertEquals(
        "169.254.169.254 is in the denied range 169.254.0.0/16 (link-local)", check(narrow, "169.254.169.254", 80).reason());
    OutboundPolicy everything = OutboundPolicy.parse("0.0.0.0/0,::/0", "");
    assertEquals(
        "169.254.169.254 is in the denied range 169.254.0.0/16 (link-local)", check(everything, "169.254.169.254", 80).reason());
    assertTrue(check(everything, "8.8.8.8", 80).allowed());
    OutboundPolicy liftedButDenied = OutboundPolicy.parse("169.254.10.0/24", "169.254.10.7/32");
    assertFalse(check(liftedButDenied, "169.254.10.7", 80).allowed(), "deny wins");
  }

  @Test
  void settingsAreReadWithEveryBadEntryNamed() {
    OutboundPolicy policy = OutboundPolicy.parse(" 10.0.0.0/8 , ,fd00::/8,", null);
    assertEquals("[10.0.0.0/8, fd00::/8]", policy.allow().toString());
    assertEquals(List.of(), policy.deny());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.parse("10.0.0.0/33", "example.com,1.2.3.4/x"));
    assertTrue(e.getMessage().contains("ALERTWIRE_OUTBOUND_ALLOW: \"10.0.0.0/33\""), e.getMessage());
    assertTrue(e.getMessage().contains("ALERTWIRE_OUTBOUND_DENY: \"example.com\""), e.getMessage());
    assertTrue(e.getMessage().contains("ALERTWIRE_OUTBOUND_DENY: \"1.2.3.4/x\""), e.getMessage());
  }

  @Test
  void rangesAreReadInAnyNotationAndMasked() {
    assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").toString());
    assertEquals("127.0.0.2/32", Cidr.parse("127.0.0.2").toString());
    assertEquals("127.0.0.0/8", Cidr.parse("0x7f000000/8").toString());
    assertEquals("::1/128", Cidr.parse("::1").toString());
    assertEquals("fe80::/10", Cidr.parse("FE80::1/10").toString());
    assertEquals("10.0.0.0/8", Cidr.parse("::ffff:10.0.0.0/104").toString(), "IPv4-mapped ranges are IPv4 ranges");
    assertEquals("0.0.0.0/0", Cidr.parse("0.0.0.0/0").toString());
    assertTrue(Cidr.parse("0.0.0.0/0").contains(ip(8, 8, 8, 8)));
    assertFalse(Cidr.parse("0.0.0.0/0").contains(address("::1")), "families do not mix");
    assertTrue(Cidr.parse("172.16.0.0/12").contains(ip(172, 31, 255, 255)));
    assertFalse(Cidr.parse("172.16.0.0/12").contains(ip(172, 32, 0, 0)));
    assertTrue(Cidr.parse("10.0.0.0/9").contains(ip(10, 127, 0, 1)));
    assertFalse(Cidr.parse("10.0.0.0/9").contains(ip(10, 128, 0, 1)));
    assertTrue(Cidr.parse("169.254.10.0/24").within(Cidr.parse("169.254.0.0/16")));
    assertFalse(Cidr.parse("169.0.0.0/8").within(Cidr.parse("169.254.0.0/16")));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("::/129"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse(""));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("::ffff:10.0.0.0/8"));
  }
}
