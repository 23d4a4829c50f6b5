package dev.alertwire.domain.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses deliveries and test-sends may reach. Checked against every address a target resolves to,
 * in this order:
 *
 * <ol>
 *   <li>Alertwire's own HTTP listener (its port on a loopback, unspecified or local address) is refused,
 *       always: a channel must not call Alertwire's own API.
 *   <li>The configured deny list ({@code ALERTWIRE_OUTBOUND_DENY}) refuses; it wins over everything.
 *   <li>The built-in denied ranges ({@link #DEFAULTS}: unspecified, link-local, multicast, broadcast)
 *       refuse, unless an allow entry lies wholly inside that built-in range ({@code 169.254.10.0/24}
 *       lifts it for that /24; {@code 0.0.0.0/0} lifts nothing).
 *   <li>When the allow list ({@code ALERTWIRE_OUTBOUND_ALLOW}) is not empty, only its ranges are allowed.
 *   <li>Anything else is allowed: private ranges and loopback included, because self-hosted receivers are
 *       often internal.
 * </ol>
 *
 * An IPv6 address that embeds an IPv4 address (IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is refused when its IPv4 address would be.
 */
public final class OutboundPolicy {
  public static final String ALLOW_SETTING = "ALERTWIRE_OUTBOUND_ALLOW";
  public static final String DENY_SETTING = "ALERTWIRE_OUTBOUND_DENY";

  /** A range and why it is in its list. */
  public record Rule(Cidr range, String why) {}

  /** The built-in denied ranges. */
  public static final List<Rule> DEFAULTS =
      List.of(
          new Rule(Cidr.parse("0.0.0.0/8"), "unspecified"),
          new Rule(Cidr.parse("::/128"), "unspecified"),
          new Rule(Cidr.parse("169.254.0.0/16"), "link-local"),
          new Rule(Cidr.parse("fe80::/10"), "link-local"),
          new Rule(Cidr.parse("224.0.0.0/4"), "multicast"),
          new Rule(Cidr.parse("ff00::/8"), "multicast"),
          new Rule(Cidr.parse("255.255.255.255/32"), "broadcast"));

  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  /** Alertwire's own listener: its ports, and the addresses of this host besides loopback and 0.0.0.0. */
  public record OwnListener(Set<Integer> ports, Set<InetAddress> localAddresses) {
    public OwnListener {
      ports = Set.copyOf(ports);
      localAddresses = Set.copyOf(localAddresses);
    }

    public boolean is(InetAddress address, int port) {
      return ports.contains(port)
          && (address.isLoopbackAddress() || address.isAnyLocalAddress() || localAddresses.contains(address));
    }
  }

  /** Allowed, or refused with a sentence that names the rule. */
  public record Decision(boolean allowed, String reason) {
    static final Decision ALLOWED = new Decision(true, null);

    static Decision refused(String reason) {
      return new Decision(false, reason);
    }
  }

  private final List<Cidr> allow;
  private final List<Cidr> deny;

  public OutboundPolicy(List<Cidr> allow, List<Cidr> deny) {
    this.allow = List.copyOf(allow);
    this.deny = List.copyOf(deny);
  }

  public static final OutboundPolicy DEFAULT = new OutboundPolicy(List.of(), List.of());

  /**
   * Reads the two settings: comma-separated ranges, blanks ignored.
   *
   * @throws IllegalArgumentException naming the setting and every entry that is not a range
   */
  public static OutboundPolicy parse(String allow, String deny) {
    List<String> problems = new ArrayList<>();
    List<Cidr> a = ranges(ALLOW_SETTING, allow, problems);
    List<Cidr> d = ranges(DENY_SETTING, deny, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new OutboundPolicy(a, d);
  }

  private static List<Cidr> ranges(String setting, String text, List<String> problems) {
    List<Cidr> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        result.add(Cidr.parse(entry));
      } catch (IllegalArgumentException e) {
        problems.add(setting + ": " + e.getMessage());
      }
    }
    return result;
  }

  public List<Cidr> allow() {
    return allow;
  }

  public List<Cidr> deny() {
    return deny;
  }

  /** The decision for one address and port. */
  public Decision check(InetAddress address, int port, OwnListener own) {
    List<InetAddress> candidates = new ArrayList<>();
    candidates.add(address);
    embeddedIpv4(address).ifPresent(candidates::add);
    for (InetAddress c : candidates) {
      if (own.is(c, port)) {
        return Decision.refused(prefix(address, c) + hostPort(c, port) + " is Alertwire's own listener");
      }
    }
    for (InetAddress c : candidates) {
      for (Cidr range : deny) {
        if (range.contains(c)) {
          return Decision.refused(
              prefix(address, c) + IpNotation.format(c) + " is in the denied range " + range + " (" + DENY_SETTING + ")");
        }
      }
    }
    for (InetAddress c : candidates) {
      for (Rule rule : DEFAULTS) {
        if (rule.range().contains(c) && !lifted(rule, address)) {
          return Decision.refused(
              prefix(address, c) + IpNotation.format(c) + " is in the denied range " + rule.range() + " (" + rule.why() + ")");
        }
      }
    }
    if (!allow.isEmpty() && allow.stream().noneMatch(r -> r.contains(address))) {
      return Decision.refused(
          IpNotation.format(address) + " is not in the allowed ranges (" + ALLOW_SETTING + ": "
              + allow.stream().map(Cidr::toString).collect(Collectors.joining(", ")) + ")");
    }
    return Decision.ALLOWED;
  }

  /** An allow entry inside a built-in range lifts it for the addresses in that entry. */
  private boolean lifted(Rule rule, InetAddress address) {
    return allow.stream().anyMatch(a -> a.within(rule.range()) && a.contains(address));
  }

  private static String prefix(InetAddress address, InetAddress checked) {
    return address.equals(checked) ? "" : IpNotation.format(address) + " embeds " + IpNotation.format(checked) + ", and ";
  }

  private static String hostPort(InetAddress address, int port) {
    String text = IpNotation.format(address);
    return (address.getAddress().length == 16 ? "[" + text + "]" : text) + ":" + port;
  }

  /** The IPv4 address inside an IPv4-compatible, NAT64 or 6to4 IPv6 address. */
  static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length != 16) {
      return Optional.empty();
    }
    boolean compatible = true;
    for (int i = 0; i < 12; i++) {
      compatible &= b[i] == 0;
    }
    int low = ((b[12] & 0xff) << 24) | ((b[13] & 0xff) << 16) | ((b[14] & 0xff) << 8) | (b[15] & 0xff);
    if (compatible && low != 0 && low != 1) { // :: and ::1 are IPv6's own
      return Optional.of(IpNotation.address(new byte[] {b[12], b[13], b[14], b[15]}));
    }
    if (NAT64.contains(address)) {
      return Optional.of(IpNotation.address(new byte[] {b[12], b[13], b[14], b[15]}));
    }
    if (SIX_TO_FOUR.contains(address)) {
      return Optional.of(IpNotation.address(new byte[] {b[2], b[3], b[4], b[5]}));
    }
    return Optional.empty();
  }
}
