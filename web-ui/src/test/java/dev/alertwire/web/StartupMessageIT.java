package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: "Alertwire is ready" was logged about 10 s before the console answered (a restart served HTTP
 * 500 in that gap), and the generated credentials were two WARNING lines among some 600. A first start on
 * an empty database, watched through its log: the ready line appears only once the login page answers 200,
 * in one record boxed by ===== lines, with the admin's password and the first API token, which both work.
 */
class StartupMessageIT {
  private static final Pattern READY = Pattern.compile("Alertwire is ready: open ");

  @Test
  void theReadyBoxAppearsOnlyWhenTheConsoleAnswersAndCarriesWorkingCredentials() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "startup-data");
    File log = new File("target/startup-it-payara.log");
    Files.deleteIfExists(log.toPath());
    boolean emptyDatabase = System.getProperty("alertwire.it.db.options", "").isBlank();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    try (PayaraProcess app = new PayaraProcess(data, log).withoutConfiguredToken()) {
      app.launch(List.of());
      long end = System.nanoTime() + PayaraProcess.START_LIMIT.toNanos();
      String text = "";
      while (!READY.matcher(text).find()) {
        assertTrue(System.nanoTime() < end, "no ready message within " + PayaraProcess.START_LIMIT.toSeconds() + " s; see " + log);
        assertTrue(app.isAlive(), "Payara Micro exited; see " + log);
        Thread.sleep(20);
        text = log.exists() ? Files.readString(log.toPath(), StandardCharsets.UTF_8) : "";
      }
      // The line is there: the console must already answer, not "about 10 s" later.
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(app.url() + "login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, login.statusCode(), "login.xhtml when the ready line was logged");
      assertTrue(login.body().contains("j_security_check"), "the login form itself");

      Thread.sleep(500); // the rest of the record
      text = Files.readString(log.toPath(), StandardCharsets.UTF_8);
      // Credentials only on a first start: on a database other instances created, the box is the ready line alone.
      Matcher box = Pattern.compile("\\n(={60,})\\n  Alertwire is ready: open ([^\\n]+)\\n(?:(.*?)\\n)?\\1", Pattern.DOTALL).matcher(text);
      assertTrue(box.find(), "the ready message is boxed by ===== lines in one record: " + tail(text));
      assertTrue(box.group(2).startsWith("http://localhost:" + app.url().getPort() + "/"), "it names the port the app really listens on: " + box.group(2));
      assertEquals(1, READY.matcher(text).results().count(), "said once");
      if (emptyDatabase) {
        String inside = box.group(3);
        Matcher password = Pattern.compile("sign in as admin with the password  (\\S+)").matcher(inside);
        Matcher token = Pattern.compile("Admin API token \\(shown this once, keep it\\):  (aw_\\S+)").matcher(inside);
        assertTrue(password.find() && token.find(), "both credentials are in the box: " + inside);
        assertEquals(1, text.split(Pattern.quote(password.group(1)), -1).length - 1, "the password appears once in the log");
        assertEquals(1, text.split(Pattern.quote(token.group(1)), -1).length - 1, "the token appears once in the log");
        HttpResponse<String> api =
            http.send(
                HttpRequest.newBuilder(URI.create(app.url() + "api/v1/alert-channels")).header("Authorization", "Bearer " + token.group(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), "the token from the box opens the API");
        try (ConsoleBrowser browser = new ConsoleBrowser(app.url())) {
          browser.signIn("admin", password.group(1));
          browser.waitFor(org.openqa.selenium.By.id("channels:table"));
        }
      }
    }
  }

  private static String tail(String text) {
    return text.substring(Math.max(0, text.length() - 3000));
  }
}
