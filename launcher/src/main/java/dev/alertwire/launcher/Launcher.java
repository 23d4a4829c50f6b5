package dev.alertwire.launcher;

import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts Alertwire from its artifact: {@code java -jar alertwire.jar [Payara Micro options]}. The HTTP port is
 * ALERTWIRE_PORT (system property alertwire.port, default 8080); the address the listener binds to is
 * ALERTWIRE_BIND_ADDRESS (alertwire.bind.address, default 0.0.0.0: every interface, as before the setting
 * existed). Options given on the command line come after the launcher's, so {@code --port} there wins.
 *
 * <p>It also sets two memory defaults of the process (docs/operations.md, "Start-up and footprint"): the
 * JDK's cache of temporary direct buffers keeps no buffer over {@value #MAX_CACHED_BUFFER} bytes (unless
 * {@code -Djdk.nio.maxCachedBufferSize} is given), and {@link IdleMemoryRelease} gives memory back once the
 * process is quiet after work (ALERTWIRE_RELEASE_IDLE_MEMORY, system property alertwire.release.idle.memory,
 * default true).
 */
public final class Launcher {
  static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";
  static final String MAX_CACHED_BUFFER = "65536";
  static final String BUFFER_CACHE_PROPERTY = "jdk.nio.maxCachedBufferSize";

  private final String port;
  private final String bindAddress;
  private final boolean releaseIdleMemory;

  Launcher(Map<String, String> env, Properties system) {
    this.port = port(setting(env, system, "ALERTWIRE_PORT", "alertwire.port", "8080"));
    this.bindAddress = address(setting(env, system, "ALERTWIRE_BIND_ADDRESS", "alertwire.bind.address", "0.0.0.0"));
    this.releaseIdleMemory =
        flag("ALERTWIRE_RELEASE_IDLE_MEMORY", setting(env, system, "ALERTWIRE_RELEASE_IDLE_MEMORY", "alertwire.release.idle.memory", "true"));
  }

  public static void main(String[] args) throws Throwable {
    Launcher launcher;
    try {
      launcher = new Launcher(System.getenv(), System.getProperties());
    } catch (IllegalArgumentException bad) {
      System.err.println("Alertwire does not start: " + bad.getMessage());
      System.exit(2);
      return;
    }
    // The app reads both through MicroProfile Config; the pre-boot command reads the address as a token.
    System.setProperty("alertwire.port", launcher.port);
    System.setProperty("alertwire.bind.address", launcher.bindAddress);
    // Read once, when the JDK first needs a temporary direct buffer: after this line (Payara has not started).
    launcher.bufferCacheDefault(System.getProperties());
    if (launcher.releaseIdleMemory && !IdleMemoryRelease.start()) {
      System.err.println("Alertwire: this JVM does not count allocated bytes; idle memory is not given back");
    }
    try {
      Class.forName(PAYARA_MAIN).getMethod("main", String[].class).invoke(null, (Object) launcher.payaraArguments(args));
    } catch (InvocationTargetException failed) {
      throw failed.getCause();
    }
  }

  /** Payara Micro's command line: the port, then what the user passed. */
  String[] payaraArguments(String[] userArguments) {
    List<String> arguments = new ArrayList<>(List.of("--port", port));
    arguments.addAll(List.of(userArguments));
    return arguments.toArray(String[]::new);
  }

  /** Caps the JDK's per-thread cache of temporary direct buffers, unless the user chose a size. */
  void bufferCacheDefault(Properties system) {
    if (system.getProperty(BUFFER_CACHE_PROPERTY) == null) {
      system.setProperty(BUFFER_CACHE_PROPERTY, MAX_CACHED_BUFFER);
    }
  }

  String port() {
    return port;
  }

  boolean releaseIdleMemory() {
    return releaseIdleMemory;
  }

  String bindAddress() {
    return bindAddress;
  }

  /** The environment variable, else the system property, else the default; blank counts as unset. */
  static String setting(Map<String, String> env, Properties system, String variable, String property, String fallback) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      value = system.getProperty(property);
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static boolean flag(String variable, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(variable + " must be true or false, not \"" + value + "\"");
  }

  private static String port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return Integer.toString(port);
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException("ALERTWIRE_PORT must be a port number from 1 to 65535, not \"" + value + "\"");
  }

  /** A literal IPv4 or IPv6 address (no host names: a bind address must not depend on DNS at start-up). */
  private static String address(String value) {
    String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
    boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && java.util.Arrays.stream(literal.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
    boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
    if (ipv4 || ipv6) {
      try {
        return InetAddress.getByName(literal).getHostAddress(); // a literal: no DNS query
      } catch (UnknownHostException notAnAddress) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "ALERTWIRE_BIND_ADDRESS must be an IP address (0.0.0.0 for every interface, 127.0.0.1 for loopback only), not \"" + value + "\"");
  }
}
