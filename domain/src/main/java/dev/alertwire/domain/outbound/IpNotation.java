package dev.alertwire.domain.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a URL host that names an address by numbers, in every notation that URL parsers or the C library's
 * {@code inet_aton} accept, and gives the canonical address. No DNS: a host that is a name gives empty.
 *
 * <p>IPv4: one to four parts separated by dots, each decimal, octal (a leading 0) or hexadecimal (0x); the
 * last part fills the remaining bytes ({@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1},
 * {@code 127.1}, {@code 127.0.1} are all 127.0.0.1), and one trailing dot is allowed, as the WHATWG URL
 * standard reads them. The JDK reads some of these differently ({@code 0177.0.0.1} as 177.0.0.1) or not at
 * all ({@code 0x7f000001} goes to DNS), so the sender connects to the canonical address given here.
 *
 * <p>IPv6: with or without brackets, {@code ::} compression, a dotted IPv4 tail, a zone ({@code %eth0}, not
 * part of the address). IPv4-mapped addresses ({@code ::ffff:127.0.0.1}) are IPv4 addresses.
 */
public final class IpNotation {
  private IpNotation() {}

  /**
   * @return the address this host names by numbers, or empty when it is a name
   * @throws IllegalArgumentException when the host looks numeric (its last label is a number, or it has a
   *     colon) but is no address, such as {@code 1.2.3.4.5}, {@code 256.1.1.1} or {@code 08.1.1.1}
   */
  public static Optional<InetAddress> parse(String host) {
    if (host == null || host.isEmpty()) {
      return Optional.empty();
    }
    String h = host;
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.indexOf(':') >= 0) {
      byte[] v6 = parseIpv6(h);
      if (v6 == null) {
        throw new IllegalArgumentException(host + " is not a valid IPv6 address");
      }
      return Optional.of(address(v6));
    }
    if (!endsInANumber(h)) {
      return Optional.empty();
    }
    byte[] v4 = parseIpv4(h);
    if (v4 == null) {
      throw new IllegalArgumentException(host + " looks like an IPv4 address but is not one");
    }
    return Optional.of(address(v4));
  }

  /** The address in its usual text: dotted decimal, or RFC 5952 IPv6 ({@code ::1}, {@code fe80::1}). */
  public static String format(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return address.getHostAddress();
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength && j - i >= 2) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes); // no lookup; IPv4-mapped IPv6 becomes the IPv4 address
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** WHATWG's "ends in a number": the last label (after one trailing dot) is digits or 0x-hex. */
  private static boolean endsInANumber(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = h.substring(h.lastIndexOf('.') + 1);
    if (last.isEmpty()) {
      return false;
    }
    if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    String lower = last.toLowerCase(Locale.ROOT);
    return lower.startsWith("0x") && lower.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  private static byte[] parseIpv4(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String[] parts = h.split("\\.", -1);
    if (parts.length > 4) {
      return null;
    }
    long[] numbers = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Long n = number(parts[i]);
      if (n == null) {
        return null;
      }
      numbers[i] = n;
    }
    for (int i = 0; i < numbers.length - 1; i++) {
      if (numbers[i] > 255) {
        return null;
      }
    }
    long last = numbers[numbers.length - 1];
    if (last >= 1L << (8 * (5 - numbers.length))) {
      return null;
    }
    long value = last;
    for (int i = 0; i < numbers.length - 1; i++) {
      value += numbers[i] << (8 * (3 - i));
    }
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  /** One IPv4 part: decimal, 0-prefixed octal or 0x hexadecimal; null when it is none (or absurdly long). */
  private static Long number(String part) {
    if (part.isEmpty()) {
      return null;
    }
    int radix = 10;
    String digits = part;
    if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
      radix = 16;
      digits = part.substring(2);
      if (digits.isEmpty()) {
        return 0L; // "0x" is zero for WHATWG
      }
    } else if (part.length() >= 2 && part.startsWith("0")) {
      radix = 8;
      digits = part.substring(1);
    }
    digits = digits.replaceFirst("^0+(?=.)", "");
    if (digits.length() > 11) {
      return null; // far beyond 2^32 in any radix
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        return null;
      }
    }
    return Long.parseLong(digits, radix);
  }

  private static byte[] parseIpv6(String text) {
    int zone = text.indexOf('%');
    String s = zone >= 0 ? text.substring(0, zone) : text;
    if (zone == 0 || s.isEmpty() || (zone >= 0 && zone == text.length() - 1)) {
      return null;
    }
    byte[] tail4 = null;
    int lastColon = s.lastIndexOf(':');
    if (s.indexOf('.', lastColon) >= 0) {
      tail4 = strictDottedQuad(s.substring(lastColon + 1));
      if (tail4 == null) {
        return null;
      }
      s = s.substring(0, lastColon + 1) + "0:0"; // two placeholder groups, replaced below
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap >= 0 ? s.substring(0, gap) : s);
    int[] rest = gap >= 0 ? groups(s.substring(gap + 2)) : new int[0];
    if (head == null || rest == null) {
      return null;
    }
    int count = head.length + rest.length;
    if ((gap < 0 && count != 8) || (gap >= 0 && count > 7)) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(rest, 0, all, 8 - rest.length, rest.length);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (all[i] >>> 8);
      bytes[2 * i + 1] = (byte) all[i];
    }
    if (tail4 != null) {
      System.arraycopy(tail4, 0, bytes, 12, 4);
    }
    return bytes;
  }

  private static int[] groups(String s) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int[] result = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      for (int k = 0; k < p.length(); k++) {
        if (Character.digit(p.charAt(k), 16) < 0) {
          return null;
        }
      }
      result[i] = Integer.parseInt(p, 16);
    }
    return result;
  }

  /** The IPv4 tail of an IPv6 address: exactly four decimal parts, as RFC 4291 writes it. */
  private static byte[] strictDottedQuad(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int n = Integer.parseInt(p);
      if (n > 255) {
        return null;
      }
      bytes[i] = (byte) n;
    }
    return bytes;
  }
}
