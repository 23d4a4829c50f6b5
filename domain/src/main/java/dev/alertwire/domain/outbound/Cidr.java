package dev.alertwire.domain.outbound;

import java.net.InetAddress;
import java.util.Arrays;

/** An address range such as {@code 10.0.0.0/8} or {@code fe80::/10}; a bare address is a /32 or /128. */
public final class Cidr {
  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Reads a range. The address may be written in any notation {@link IpNotation} reads; bits past the
   * prefix are cleared ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}). An IPv4-mapped IPv6 range
   * ({@code ::ffff:10.0.0.0/104}) is the IPv4 range it maps.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Cidr parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("an empty range");
    }
    int slash = t.indexOf('/');
    String addressText = slash < 0 ? t : t.substring(0, slash);
    InetAddress address;
    try {
      address =
          IpNotation.parse(addressText)
              .orElseThrow(() -> new IllegalArgumentException("\"" + t + "\" is not an address range (a name, not an address)"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + t + "\" is not an address range: " + e.getMessage());
    }
    byte[] bytes = address.getAddress();
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("\"" + t + "\" has no valid prefix length after /");
      }
      prefix = Integer.parseInt(p);
      boolean mapped = bytes.length == 4 && addressText.indexOf(':') >= 0;
      if (mapped) {
        if (prefix < 96 || prefix > 128) {
          throw new IllegalArgumentException("\"" + t + "\": an IPv4-mapped range needs a prefix of 96 to 128");
        }
        prefix -= 96;
      }
      if (prefix > bits) {
        throw new IllegalArgumentException("\"" + t + "\": the prefix is longer than " + bits + " bits");
      }
    }
    return new Cidr(mask(bytes, prefix), prefix);
  }

  public static Cidr of(InetAddress address) {
    byte[] bytes = address.getAddress();
    return new Cidr(bytes, bytes.length * 8);
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
  }

  /** This range lies wholly inside {@code other}. */
  public boolean within(Cidr other) {
    return network.length == other.network.length
        && prefix >= other.prefix
        && Arrays.equals(mask(network, other.prefix), other.network);
  }

  public int prefix() {
    return prefix;
  }

  public boolean isIpv4() {
    return network.length == 4;
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] result = bytes.clone();
    for (int i = 0; i < result.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - 8 * i));
      result[i] &= (byte) (0xff << (8 - keep));
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    return IpNotation.format(IpNotation.address(network)) + "/" + prefix;
  }
}
