package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.config.AlertwireConfig;
import dev.alertwire.domain.outbound.IpNotation;
import dev.alertwire.domain.outbound.OutboundPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Applies the outbound address policy to a target before each attempt: the host is read as a numeric
 * address in any notation ({@link IpNotation}) or resolved once, every address it resolves to is checked,
 * and the request goes to exactly what was checked where the JDK client allows it (see {@link #vet}).
 */
@ApplicationScoped
public class OutboundGuard {
  private static final Logger LOG = Logger.getLogger(OutboundGuard.class.getName());
  private static final long LOCAL_ADDRESSES_TTL_NANOS = 60_000_000_000L;

  @Inject AlertwireConfig config;

  private OutboundPolicy policy = OutboundPolicy.DEFAULT;
  private final Set<Integer> ownPorts = ConcurrentHashMap.newKeySet();
  private volatile Set<InetAddress> localAddresses = Set.of();
  private volatile long localAddressesRead;

  /** What to send to, or why not. */
  public record Verdict(URI uri, ErrorKind refusedAs, String refusal) {
    public boolean allowed() {
      return refusal == null;
    }
  }

  /** Refused by the policy (final), or the name did not resolve (retried, as DNS). */
  public enum ErrorKind { POLICY, DNS }

  public OutboundGuard() {}

  /** For tests: a fixed policy and listener ports, this host's addresses read as usual. */
  public OutboundGuard(OutboundPolicy policy, Set<Integer> ownPorts) {
    this.policy = policy;
    this.ownPorts.addAll(ownPorts);
  }

  @PostConstruct
  void init() {
    // A bad setting stops the deployment with the setting and entry named: failing open would be worse.
    policy = OutboundPolicy.parse(config.outboundAllow(), config.outboundDeny());
    ownPorts.add(config.port());
    LOG.info("Outbound address policy: allow " + (policy.allow().isEmpty() ? "any range" : policy.allow())
        + ", deny " + policy.deny() + " and the built-in ranges (unspecified, link-local, multicast, broadcast),"
        + " and Alertwire's own listener on port(s) " + ownPorts);
  }

  /** A port this app's HTTP listener answered a request on (the configured port may not be the real one). */
  public void listenerSeen(int port) {
    if (port > 0) {
      ownPorts.add(port);
    }
  }

  /**
   * Checks a target. A host written as numbers in any notation is checked as its canonical address and the
   * returned URI names that address, so the client connects to what was checked ({@code 0177.0.0.1} is
   * 127.0.0.1 here, though the JDK alone would read 177.0.0.1). A name is resolved here, once, and every
   * address it resolves to must pass; the JDK client then looks the name up again and gets the answer the
   * JVM's address cache holds from this lookup (30 s by default), so the window in which DNS can change the
   * answer between check and connect is the end of that cache entry's life. Blocks on DNS.
   */
  public Verdict vet(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return new Verdict(uri, null, null); // the client refuses it as it always did
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
    OutboundPolicy.OwnListener own = new OutboundPolicy.OwnListener(ownPorts, localAddresses());
    java.util.Optional<InetAddress> numeric;
    try {
      numeric = IpNotation.parse(host);
    } catch (IllegalArgumentException e) {
      return new Verdict(uri, ErrorKind.POLICY, e.getMessage());
    }
    if (numeric.isPresent()) {
      InetAddress address = numeric.get();
      OutboundPolicy.Decision decision = policy.check(address, port, own);
      if (!decision.allowed()) {
        return new Verdict(uri, ErrorKind.POLICY, named(host, address, decision.reason()));
      }
      return new Verdict(withHost(uri, address), null, null);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return new Verdict(uri, ErrorKind.DNS, "UnknownHostException: " + host + " does not resolve");
    }
    for (InetAddress address : addresses) {
      OutboundPolicy.Decision decision = policy.check(address, port, own);
      if (!decision.allowed()) {
        return new Verdict(uri, ErrorKind.POLICY, host + " resolves to " + IpNotation.format(address) + ": " + decision.reason());
      }
    }
    return new Verdict(uri, null, null);
  }

  private static String named(String host, InetAddress address, String reason) {
    String canonical = IpNotation.format(address);
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return bare.equalsIgnoreCase(canonical) ? reason : host + " is " + canonical + ": " + reason;
  }

  /** The URI with its host replaced by the canonical text of the address (brackets for IPv6). */
  static URI withHost(URI uri, InetAddress address) {
    String canonical = IpNotation.format(address);
    String host = address.getAddress().length == 16 ? "[" + canonical + "]" : canonical;
    if (host.equalsIgnoreCase(uri.getHost())) {
      return uri;
    }
    if (address.getAddress().length == 16) {
      return uri; // the JDK reads IPv6 literals exactly; keep any zone the URI names
    }
    try {
      String authority = (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + host
          + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
      StringBuilder text = new StringBuilder(uri.getScheme()).append("://").append(authority);
      text.append(uri.getRawPath() == null ? "" : uri.getRawPath());
      if (uri.getRawQuery() != null) {
        text.append('?').append(uri.getRawQuery());
      }
      return new URI(text.toString());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This host's interface addresses besides loopback, re-read at most once a minute. */
  private Set<InetAddress> localAddresses() {
    long now = System.nanoTime();
    if (localAddressesRead == 0 || now - localAddressesRead > LOCAL_ADDRESSES_TTL_NANOS) {
      Set<InetAddress> found = new HashSet<>();
      try {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          List<InetAddress> list = Collections.list(nic.getInetAddresses());
          for (InetAddress a : list) {
            found.add(InetAddress.getByAddress(a.getAddress())); // without the scope, as targets are compared
          }
        }
      } catch (SocketException | UnknownHostException | RuntimeException e) {
        LOG.warning("Could not list this host's addresses; only loopback counts as Alertwire's own: " + e);
      }
      localAddresses = Set.copyOf(found);
      localAddressesRead = now == 0 ? 1 : now;
    }
    return localAddresses;
  }
}
