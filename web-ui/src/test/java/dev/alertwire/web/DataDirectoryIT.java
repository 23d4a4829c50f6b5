package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data directory and the files in it are the owner's only, a weak first admin password stops the start,
 * and a malformed whsec_ secret leaves no trace of itself in the log. A Payara Micro of its own on a fresh
 * directory, on H2 whatever database the other tests use (this is about the H2 files).
 */
class DataDirectoryIT {
  @Test
  void theDataDirectoryIsOwnerOnlyAndAShortFirstAdminPasswordStopsTheStart() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "data-dir-it").resolve("data");
    File log = new File("target/data-dir-it-payara.log");
    Files.deleteIfExists(log.toPath());
    List<String> h2 = List.of("-Dalertwire.db.url=jdbc:h2:file:" + data.toAbsolutePath().resolve("alertwire") + ";WRITE_DELAY=0");

    try (PayaraProcess app = new PayaraProcess(data, log)) {
      String text =
          app.startExpectingLog(
              concat(h2, "-Dalertwire.admin.password=short-pw1"),
              "Alertwire did not start: ALERTWIRE_ADMIN_PASSWORD: must be at least 12 characters (it has 9)");
      assertFalse(text.contains("short-pw1"), "the log does not repeat the password");
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(app.url() + "health")).build(), HttpResponse.BodyHandlers.ofString());
      assertNotEquals(200, health.statusCode(), "not started: " + health.body());
      // The schema migration ran before the refusal: the directory and the database file exist, owner-only.
      assertEquals("rwx------", permissions(data));
      assertEquals("rw-------", permissions(data.resolve("alertwire.mv.db")));
    }

    // An existing directory, opened up by someone: tightened on the next start, with Alertwire's files.
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(data.resolve("alertwire.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
    try (PayaraProcess app = new PayaraProcess(data, log)) {
      app.start(concat(h2, "-Dalertwire.admin.password=a-long-enough-password"));
      assertEquals("rwx------", permissions(data));
      assertEquals("rw-------", permissions(data.resolve("alertwire.mv.db")));
      if (Files.exists(data.resolve("master.key"))) {
        assertEquals("rw-------", permissions(data.resolve("master.key")));
      }

      // 11b: a draft's malformed whsec_ secret is a 400 and appears nowhere in the log.
      ApiClient api = new ApiClient(app.url());
      // Base64's own message for this one would be "Illegal base64 character 2d": a character of the secret.
      String secret = "whsec_Kp3-Lm8Rt-Vb2Nd-Q7Wz9fXc";
      ApiClient.Reply preview =
          api.post("api/v1/templates/preview",
              "{\"url\": \"http://127.0.0.1:9/hook\", \"template\": \"{}\", \"signatureScheme\": \"STANDARD_WEBHOOKS\", \"webhookSecret\": \"" + secret + "\"}");
      assertEquals(400, preview.status(), preview.body());
      String logged = Files.readString(log.toPath(), StandardCharsets.ISO_8859_1);
      assertFalse(logged.contains("Illegal base64"), "no decoder message naming a character of the secret");
      for (int i = "whsec_".length(); i + 5 <= secret.length(); i++) {
        assertFalse(logged.contains(secret.substring(i, i + 5)), "the log holds part of the secret: " + secret.substring(i, i + 5));
      }
    }
  }

  private static List<String> concat(List<String> a, String b) {
    return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
  }

  private static String permissions(Path path) throws Exception {
    assertTrue(Files.exists(path), path + " exists");
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
