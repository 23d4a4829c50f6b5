package dev.alertwire.delivery.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.alertwire.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings from MicroProfile Config: environment variables (ALERTWIRE_DATA_DIR...) or system properties
 * (alertwire.data.dir...). Defaults live in META-INF/microprofile-config.properties of the WAR.
 */
@ApplicationScoped
public class AlertwireConfig {
  @Inject
  @ConfigProperty(name = "alertwire.master.key")
  Optional<String> masterKey;

  @Inject
  @ConfigProperty(name = "alertwire.base.url")
  Optional<String> baseUrl;

  @Inject
  @ConfigProperty(name = "alertwire.port", defaultValue = "8080")
  int port;

  @Inject
  @ConfigProperty(name = "alertwire.bind.address", defaultValue = "0.0.0.0")
  String bindAddress;

  @Inject
  @ConfigProperty(name = "alertwire.delivery.max-concurrency", defaultValue = "64")
  int maxConcurrency;

  @Inject
  @ConfigProperty(name = "alertwire.delivery.max-concurrency-per-channel", defaultValue = "8")
  int maxConcurrencyPerChannel;

  @Inject
  @ConfigProperty(name = "alertwire.delivery.prepare-threads", defaultValue = "4")
  int prepareThreads;

  @Inject
  @ConfigProperty(name = "alertwire.delivery.lease-seconds", defaultValue = "180")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "alertwire.outbound.allow", defaultValue = " ")
  String outboundAllow;

  @Inject
  @ConfigProperty(name = "alertwire.outbound.deny", defaultValue = " ")
  String outboundDeny;

  /** ALERTWIRE_OUTBOUND_ALLOW: comma-separated ranges; when not empty, only these may be reached. */
  public String outboundAllow() {
    return outboundAllow == null ? "" : outboundAllow.trim();
  }

  /** ALERTWIRE_OUTBOUND_DENY: comma-separated ranges that may never be reached (wins over the allow list). */
  public String outboundDeny() {
    return outboundDeny == null ? "" : outboundDeny.trim();
  }

  /** The port Alertwire's HTTP listener is configured with (the listener's actual ports are also learnt from requests). */
  public int port() {
    return port;
  }

  /**
   * ALERTWIRE_BIND_ADDRESS: the address the artifact's HTTP listener binds to (its launcher applies it; default
   * 0.0.0.0, every interface). An address the app can reach itself on, for its own start-up check: loopback
   * when the listener binds to every interface, else the bound address.
   */
  public String selfAddress() {
    String bound = bindAddress == null ? "" : bindAddress.trim();
    if (bound.isEmpty() || bound.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    if (bound.contains(":")) {
      String literal = bound.startsWith("[") ? bound.substring(1, bound.length() - 1) : bound;
      return literal.matches("[0:]+") ? "127.0.0.1" : "[" + literal + "]";
    }
    return bound;
  }

  /**
   * How long a claimed delivery belongs to the instance that claimed it. Longer than any attempt can take
   * (connect and response timeouts are capped at 60 s and 90 s); a lease of a dead instance expires and
   * another instance resumes the delivery.
   */
  public java.time.Duration lease() {
    return java.time.Duration.ofSeconds(Math.max(5, leaseSeconds));
  }

  public Path dataDir() {
    return DatabaseSettings.dataDir();
  }

  public String dbUrl() {
    return DatabaseSettings.url();
  }

  /** An embedded H2 database can only be open in one JVM, so leases from an earlier run are void. */
  public boolean singleInstanceDatabase() {
    String dbUrl = dbUrl();
    return dbUrl.startsWith("jdbc:h2:") && !dbUrl.contains("AUTO_SERVER=TRUE") && !dbUrl.startsWith("jdbc:h2:tcp:");
  }

  public Optional<String> masterKey() {
    return masterKey.filter(k -> !k.isBlank());
  }

  /** Where users reach the app; used in links and the start-up message. */
  public String baseUrl() {
    return baseUrl(port);
  }

  /**
   * Where users reach the app when its listener really runs on {@code listenerPort} (Payara Micro's --port
   * may differ from ALERTWIRE_PORT): the configured base URL, or localhost on that port.
   */
  public String baseUrl(int listenerPort) {
    return baseUrl.filter(u -> !u.isBlank()).orElse("http://localhost:" + listenerPort + "/").replaceFirst("/*$", "/");
  }

  public int maxConcurrency() {
    return Math.max(1, maxConcurrency);
  }

  /** Threads that read and render claimed deliveries (ALERTWIRE_DELIVERY_PREPARE_THREADS, at least 1). */
  public int prepareThreads() {
    return Math.max(1, prepareThreads);
  }

  public int maxConcurrencyPerChannel() {
    return Math.max(1, maxConcurrencyPerChannel);
  }
}
