package dev.alertwire.domain.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Pure parsing: no test here resolves a name or opens a connection. */
class IpNotationTest {
  private static String canonical(String host) {
    return IpNotation.format(IpNotation.parse(host).orElseThrow(() -> new AssertionError(host + " read as a name")));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "127.0.0.1, 127.0.0.1",
    "2130706433, 127.0.0.1",
    "0x7f000001, 127.0.0.1",
    "0X7F000001, 127.0.0.1",
    "017700000001, 127.0.0.1",
    "0177.0.0.1, 127.0.0.1",
    "0177.0000.0000.0001, 127.0.0.1",
    "0x7f.0.0.1, 127.0.0.1",
    "0x7f.0x0.0x0.0x1, 127.0.0.1",
    "127.1, 127.0.0.1",
    "127.0.1, 127.0.0.1",
    "127.0.0.1., 127.0.0.1",
    "0, 0.0.0.0",
    "0x, 0.0.0.0",
    "169.254.43518, 169.254.169.254",
    "2852039166, 169.254.169.254",
    "0xa9fea9fe, 169.254.169.254",
    "0251.0376.0251.0376, 169.254.169.254",
    "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
    "10.1, 10.0.0.1",
    "4294967295, 255.255.255.255",
    "1.2.3.4, 1.2.3.4",
    "00000000000000000000001.2.3.4, 1.2.3.4",
  })
  void ipv4InEveryNotation(String host, String expected) {
    assertEquals(expected, canonical(host));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "::1, ::1",
    "[::1], ::1",
    "0:0:0:0:0:0:0:1, ::1",
    "::, ::",
    "fe80::1, fe80::1",
    "FE80:0:0:0:0:0:0:1, fe80::1",
    "fe80::1%eth0, fe80::1",
    "[fe80::1%25eth0], fe80::1",
    "2001:db8::8:800:200c:417a, 2001:db8::8:800:200c:417a",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "64:ff9b::169.254.169.254, 64:ff9b::a9fe:a9fe",
    "::127.0.0.1, ::7f00:1",
  })
  void ipv6(String host, String expected) {
    assertEquals(expected, canonical(host));
  }

  @ParameterizedTest(name = "{0} is the IPv4 address {1}")
  @CsvSource({
    "::ffff:127.0.0.1, 127.0.0.1",
    "[::ffff:127.0.0.1], 127.0.0.1",
    "::ffff:7f00:1, 127.0.0.1",
    "0:0:0:0:0:ffff:7f00:0001, 127.0.0.1",
    "::FFFF:169.254.169.254, 169.254.169.254",
  })
  void ipv4MappedIpv6IsTheIpv4Address(String host, String expected) {
    InetAddress address = IpNotation.parse(host).orElseThrow();
    assertTrue(address instanceof Inet4Address, host + " gave " + address);
    assertEquals(expected, IpNotation.format(address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "localhost", "receiver.internal", "1.2.3.example", "0x7f.example", "a", "xn--bcher-kva.example", "127.0.0.1..", "1.2.0x1g"})
  void namesAreNotAddresses(String host) {
    assertTrue(IpNotation.parse(host).isEmpty(), host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.2.3.4.5", "256.0.0.1", "1.256.0.1", "1.2.3.256", "4294967296", "0x100000000", "08.1.1.1", "09",
        "1..2.3", ".1.2.3", "example.0x10", "foo.123",
        "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "::g", "fe80::1%", ":1", "1:", "::1.2.3", "::256.1.1.1"
      })
  void numericButNoAddressIsRefused(String host) {
    assertThrows(IllegalArgumentException.class, () -> IpNotation.parse(host), host);
  }

  @Test
  void aNameEndingInANumberLabelIsReadAsIpv4AsTheUrlStandardSays() {
    // "foo.123" ends in a number, so a URL parser must read it as IPv4 and fail; it never reaches DNS.
    assertThrows(IllegalArgumentException.class, () -> IpNotation.parse("foo.123"));
  }

  @Test
  void formatsIpv6TheShortWay() {
    assertEquals("2001:db8::1", IpNotation.format(IpNotation.parse("2001:0db8:0000:0000:0000:0000:0000:0001").orElseThrow()));
    assertEquals("2001:0:0:1::1", IpNotation.format(IpNotation.parse("2001:0:0:1:0:0:0:1").orElseThrow()), "the longest run of zeros");
    assertEquals("2001:db8:0:1:1:1:1:1", IpNotation.format(IpNotation.parse("2001:db8:0:1:1:1:1:1").orElseThrow()), "one zero group stays");
  }
}
