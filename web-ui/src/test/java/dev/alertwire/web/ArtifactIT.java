package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one artifact (issue #15): target/alertwire.jar, as {@code mvn package} wrote it, started with
 * {@code java -jar} and nothing but environment variables, as the README's production section says. Nothing is
 * built or deployed here. It answers /health/ready UP, serves the console at / (an admin signs in) and the API,
 * says it is ready, and its JVM listens on the HTTP port alone, on the address ALERTWIRE_BIND_ADDRESS names
 * (127.0.0.2, a loopback address that is not 127.0.0.1): no data-grid port (6900), no UDP socket.
 */
class ArtifactIT {
  private static final String BIND = "127.0.0.2";

  @Test
  void javaDashJarStartsTheAppOnTheConfiguredAddressAndPortOnly() throws Exception {
    assumeTrue(ListeningSockets.readable(), "reads the sockets from Linux's /proc");
    Path jar = Path.of("target/alertwire.jar");
    assertTrue(Files.isRegularFile(jar), "mvn package writes " + jar.toAbsolutePath());
    Path data = Files.createTempDirectory(Path.of("target"), "artifact-data");
    File log = new File("target/artifact-it.log");
    Files.deleteIfExists(log.toPath());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // The JVM options of -Prun and the README (alertwire.jvm.options in the pom), then on PostgreSQL
    // (-Ppostgres) the database settings as system properties; on H2 that one is a no-op.
    String options = System.getProperty("alertwire.jvm.options", "") + " " + System.getProperty("alertwire.it.db.options", "");
    for (String option : options.trim().split("\\s+")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("ALERTWIRE_"));
    env.put("MALLOC_ARENA_MAX", "2"); // the README's
    env.put("ALERTWIRE_PORT", Integer.toString(port));
    env.put("ALERTWIRE_BIND_ADDRESS", BIND);
    env.put("ALERTWIRE_DATA_DIR", data.toAbsolutePath().toString());
    env.put("ALERTWIRE_API_TOKEN", ApiClient.ADMIN_TOKEN);
    env.put("ALERTWIRE_ADMIN_PASSWORD", ConsoleIT.ADMIN_PASSWORD);
    env.put("ALERTWIRE_OUTBOUND_ALLOW", "127.0.0.0/8,::1/128");

    Process app = builder.start();
    try {
      URL url = URI.create("http://" + BIND + ":" + port + "/").toURL();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> ready = awaitReady(http, url, app, log);
      assertTrue(ready.body().contains("\"UP\""), ready.body());

      // The start-up check asks the listener where it really is (not 127.0.0.1 here) and says so.
      long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!Files.readString(log.toPath(), StandardCharsets.ISO_8859_1).contains("Alertwire is ready: open ")) {
        assertTrue(System.nanoTime() < end, "no \"Alertwire is ready\" line within 120 s of /health/ready UP; see " + log);
        Thread.sleep(250);
      }

      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, login.statusCode(), "the console's login page at /");
      assertTrue(login.body().contains("j_security_check"), "the login form itself");
      HttpResponse<String> api =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "api/v1/alert-channels")).header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, api.statusCode(), "the API with ALERTWIRE_API_TOKEN: " + api.body());
      try (ConsoleBrowser browser = new ConsoleBrowser(url)) {
        browser.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
        browser.waitFor(org.openqa.selenium.By.id("channels:table"));
      }

      assertAnIdleConnectionOutlivesPayarasDefault(port);

      List<String> tcp = ListeningSockets.tcp(app.pid());
      assertEquals(Set.of(port), ListeningSockets.ports(tcp), "listening TCP sockets of the artifact's JVM: " + tcp + "; see " + log);
      assertTrue(tcp.stream().allMatch(s -> s.endsWith(" " + BIND + ":" + port)), "bound to " + BIND + " only: " + tcp);
      List<String> udp = ListeningSockets.udp(app.pid());
      assertTrue(udp.isEmpty(), "UDP sockets open to anyone: " + udp);
      assertFalse(Files.readString(log.toPath(), StandardCharsets.ISO_8859_1).contains("DataGrid:"), "a Hazelcast member started; see " + log);
      assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "nothing answers on 127.0.0.1:" + port);
    } finally {
      app.destroy();
      if (!app.waitFor(30, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * A monitoring system posts alerts over kept-alive connections, and its client keeps an idle one for minutes
   * (Go's default transport 90 s, Alertmanager's 5 minutes, Java's 20 minutes). Payara's listener closed a
   * connection idle for 30 s, and a client sending on it as it closed saw the connection end with no answer,
   * some of those alerts stored all the same: 3 to 10 failed posts in a minute at 50 alerts a second on a busy
   * host (docs/benchmarks.md, section 20). The artifact keeps an idle connection for 6 minutes, so the client
   * lets go of it first: one idle for 35 s here still carries the next request.
   */
  private static void assertAnIdleConnectionOutlivesPayarasDefault(int port) throws Exception {
    try (Socket socket = new Socket(BIND, port)) {
      socket.setSoTimeout(10_000);
      java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      byte[] request = ("GET /health/live HTTP/1.1\r\nHost: " + BIND + ":" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 1; i <= 2; i++) {
        if (i == 2) {
          Thread.sleep(35_000);
        }
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        assertEquals("HTTP/1.1 200 OK", line(in), i == 1 ? "the first request" : "the request after 35 s idle, on the same connection");
        int length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
          String lower = header.toLowerCase(java.util.Locale.ROOT);
          assertFalse(lower.startsWith("connection:") && lower.contains("close"), "request " + i + " was told: " + header);
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(lower.substring("content-length:".length()).trim());
          }
        }
        assertTrue(length >= 0, "an answer with a length, so the next request can follow on the connection");
        assertEquals(length, in.readNBytes(length).length, "request " + i + "'s body");
      }
    }
  }

  private static String line(java.io.InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection closed after \"" + line + "\"");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static HttpResponse<String> awaitReady(HttpClient http, URL url, Process app, File log) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < end) {
      assertTrue(app.isAlive(), "java -jar target/alertwire.jar exited; see " + log);
      try {
        HttpResponse<String> ready =
            http.send(HttpRequest.newBuilder(URI.create(url + "health/ready")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return ready;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new AssertionError("/health/ready not UP within 300 s; see " + log);
  }
}
