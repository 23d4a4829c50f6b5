package dev.alertwire.web;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped WAR on Payara Micro in a JVM of its own, for tests that must kill it (kill -9) and start it
 * again on the same data directory.
 */
final class PayaraProcess implements AutoCloseable {
  private final Path dataDir;
  /**
   * How long a start may take before a test gives up: about 40 s on a quiet two-core machine, several minutes
   * when other builds share it. A ceiling, not a measure (start-up time is measured in scripts/bench).
   */
  static final Duration START_LIMIT = Duration.ofMinutes(6);

  private final int port;
  private final File log;
  private Process process;
  private boolean configuredToken = true;

  PayaraProcess(Path dataDir, File log) throws IOException {
    this.dataDir = dataDir;
    this.log = log;
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  URL url() throws IOException {
    return URI.create("http://127.0.0.1:" + port + "/").toURL();
  }

  void start(List<String> systemProperties) throws Exception {
    launch(systemProperties);
    awaitHealth(START_LIMIT, health -> health.statusCode() == 200 && health.body().contains("UP"));
  }

  /** Starts and returns the first DOWN answer of /health that says why: for an instance that must not be ready. */
  HttpResponse<String> startNotReady(List<String> systemProperties, String reason) throws Exception {
    launch(systemProperties);
    return awaitHealth(START_LIMIT, health -> health.statusCode() == 503 && health.body().contains(reason));
  }

  /** Starts and waits until the log holds {@code line}: for an instance that must refuse to start. */
  String startExpectingLog(List<String> systemProperties, String line) throws Exception {
    launch(systemProperties);
    long end = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < end) {
      String text = java.nio.file.Files.readString(log.toPath(), java.nio.charset.StandardCharsets.ISO_8859_1);
      if (text.contains(line)) {
        return text;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited without logging \"" + line + "\"; see " + log);
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("\"" + line + "\" not logged within " + START_LIMIT.toSeconds() + " s; see " + log);
  }

  /**
   * Without ALERTWIRE_API_TOKEN and ALERTWIRE_ADMIN_PASSWORD: on an empty database the app generates the first
   * token and the admin's password and shows them once.
   */
  PayaraProcess withoutConfiguredToken() {
    configuredToken = false;
    return this;
  }

  /** Starts the JVM and returns at once, for tests that watch the start-up themselves. */
  void launch(List<String> systemProperties) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Dalertwire.data.dir=" + dataDir.toAbsolutePath());
    // On PostgreSQL every test instance shares one database: whichever starts first creates the first token
    // and admin, so there they are always the configured ones (generated ones would lock the other tests out).
    boolean ownDatabase = System.getProperty("alertwire.it.db.options", "").isBlank();
    if (configuredToken || !ownDatabase) {
      command.add("-Dalertwire.api.token=" + ApiClient.ADMIN_TOKEN);
      command.add("-Dalertwire.admin.password=" + ConsoleIT.ADMIN_PASSWORD);
    }
    // Tests reach loopback receivers only: a channel a test left aimed elsewhere is refused, never sent.
    command.add("-Dalertwire.outbound.allow=127.0.0.0/8,::1/128");
    command.addAll(List.of(System.getProperty("alertwire.it.db.options", "").trim().split("\\s+")));
    command.addAll(systemProperties);
    command.addAll(List.of("-jar", "target/payara-micro.jar"));
    command.addAll(payaraMicroOptions());
    command.addAll(List.of("--port", Integer.toString(port), "--contextroot", "/", "--deploy", "target/alertwire.war"));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
            .start();
  }

  /** Payara Micro's options as the app is really started: web-ui/pom.xml's payara.micro.options, set by failsafe. */
  static List<String> payaraMicroOptions() {
    String options = System.getProperty("payara.micro.options");
    if (options == null || options.isBlank()) {
      throw new IllegalStateException("payara.micro.options is not set: run the integration tests through Maven (failsafe sets it)");
    }
    return List.of(options.trim().split("\\s+"));
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** The JVM dies at once, as with kill -9: no shutdown hooks, nothing flushed on purpose. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  private HttpResponse<String> awaitHealth(Duration timeout, java.util.function.Predicate<HttpResponse<String>> wanted) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited; see " + log);
      }
      try {
        HttpResponse<String> health =
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (wanted.test(health)) {
          return health;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Payara Micro's /health not as expected within " + timeout + "; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
