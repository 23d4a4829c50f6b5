package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security review's findings (issue #12), replayed as an attacker would: a canary secret, a viewer and
 * an ingest token, and a second receiver on loopback that plays the attacker. Each test failed on the code
 * before the fix.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {
  /** '/', '=', '"': the escapings (URL, HTML, JSON) that could hide a copy from a plain search. */
  private static final String CANARY = "canary-S3cr3t/+=\"Zq9x";
  private static final String CANARY_CORE = "S3cr3t";

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  private String suffix() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
  }

  private ApiClient tokenFor(ApiClient admin, String role) throws Exception {
    ApiClient.Reply created = admin.post("api/v1/api-tokens", "{\"name\":\"security-it " + role + " " + suffix() + "\",\"role\":\"" + role + "\"}");
    assertEquals(201, created.status(), created.body());
    return admin.as(created.json().getString("token"));
  }

  private static void secret(ApiClient admin, String key, String value) throws Exception {
    admin.delete("api/v1/variables/" + key);
    ApiClient.Reply r = admin.post("api/v1/variables",
        Json.createObjectBuilder().add("key", key).add("value", value).add("locked", true).build().toString());
    assertEquals(201, r.status(), r.body());
  }

  private static void plain(ApiClient admin, String key, String value) throws Exception {
    admin.delete("api/v1/variables/" + key);
    ApiClient.Reply r = admin.post("api/v1/variables",
        Json.createObjectBuilder().add("key", key).add("value", value).add("locked", false).build().toString());
    assertEquals(201, r.status(), r.body());
  }

  /** A check to subscribe a channel to, so that the test's alerts reach only its own channel (and catch-alls). */
  private static String check(ApiClient admin, String name) throws Exception {
    ApiClient.Reply created = admin.post("api/v1/checks", Json.createObjectBuilder().add("name", name).add("checkType", "API").build().toString());
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  /** Every form of the canary a leak could take. */
  private static void assertNoCanary(String text, String where) {
    for (String form : List.of(CANARY_CORE, "S.3.c.r.3.t", "$3cr3t",
        Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)).substring(0, 12))) {
      assertFalse(text.contains(form), where + " holds the canary (" + form + "): " + text);
    }
  }

  /** Finding 1: a viewer's preview renders every helper over placeholders, never over the secret. */
  @Test
  void aViewerCannotReadASecretThroughThePreview() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient viewer = tokenFor(admin, "viewer");
    String key = "SEC_CANARY_" + suffix();
    secret(admin, key, CANARY);
    for (String template : List.of(
        "{{replace " + key + " \"S\" \"$\"}}",
        "{{#each (split " + key + " \"\" -1)}}{{this}}.{{/each}}",
        "{{{" + key + "}}}",
        "{{" + key + "}}",
        "{{#if (eq " + key + " \"" + CANARY.replace("\"", "\\\"") + "\")}}EQUAL{{/if}}")) {
      ApiClient.Reply preview = viewer.post("api/v1/templates/preview",
          Json.createObjectBuilder().add("url", "http://127.0.0.1:9/x?k={{" + key + "}}").add("template", template).build().toString());
      assertEquals(200, preview.status(), preview.body());
      assertNoCanary(preview.body(), "preview of " + template);
      assertFalse(preview.body().contains("EQUAL"), "a branch on the secret's value tells nothing");
    }
    admin.delete("api/v1/variables/" + key);
  }

  /** Finding 2: the preview of a stored channel does not sign with its webhook secret. */
  @Test
  void aViewerGetsNoSignatureForABodyOfItsChoice() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient viewer = tokenFor(admin, "viewer");
    String webhookSecret = "sig-secret-" + UUID.randomUUID();
    JsonObject channel = Deliveries.create(admin, Deliveries.channel("signed " + suffix(), "http://127.0.0.1:9/hook")
        .add("webhookSecret", webhookSecret).add("activated", false));
    String forged = "{\"forged\":true}";
    ApiClient.Reply preview = viewer.post("api/v1/templates/preview",
        Json.createObjectBuilder().add("channelId", channel.getString("id")).add("url", "http://127.0.0.1:9/hook")
            .add("template", forged).build().toString());
    assertEquals(200, preview.status(), preview.body());
    String valid = hmacHex(webhookSecret, forged);
    assertFalse(preview.body().contains(valid), "the preview signed the viewer's body: " + preview.body());
    assertTrue(preview.body().contains("x-checkly-signature"), "the header is still named, so the shape is clear");
    admin.delete("api/v1/alert-channels/" + channel.getString("id"));
  }

  /** Finding 3: an alert's payload cannot redirect a channel (and its secret) to a host of its choice. */
  @Test
  void anIngestTokenCannotOverrideStoredVariables() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient ingest = tokenFor(admin, "ingest");
    String s = suffix();
    try (LoopbackReceiver jira = new LoopbackReceiver(); LoopbackReceiver attacker = new LoopbackReceiver()) {
      plain(admin, "SEC_JIRA_URL_" + s, jira.url(""));
      secret(admin, "SEC_JIRA_TOKEN_" + s, CANARY);
      String checkId = check(admin, "security-it-" + s);
      JsonObject channel = Deliveries.create(admin, Deliveries.channel("jira " + s, "{{SEC_JIRA_URL_" + s + "}}/rest/api/3/issue")
          .add("headers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "Authorization").add("value", "Bearer {{{SEC_JIRA_TOKEN_" + s + "}}}")))
          .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", checkId))));
      ApiClient.Reply accepted = ingest.post("api/v1/alerts", Json.createObjectBuilder()
          .add("ALERT_TYPE", "ALERT_FAILURE").add("CHECK_ID", checkId)
          .add("SEC_JIRA_URL_" + s, attacker.url("/steal"))
          .add("SEC_JIRA_TOKEN_" + s, "attacker-chosen").build().toString());
      assertEquals(202, accepted.status(), accepted.body());
      assertEquals(Set.of("SEC_JIRA_URL_" + s, "SEC_JIRA_TOKEN_" + s),
          Set.copyOf(accepted.json().getJsonArray("ignoredVariables").getValuesAs(jakarta.json.JsonString::getString)),
          accepted.body());
      LoopbackReceiver.Received got = jira.await(1, Duration.ofSeconds(30)).get(0);
      assertEquals("/rest/api/3/issue", got.path());
      assertEquals("Bearer " + CANARY, got.header("authorization"), "the stored secret went to the stored host");
      Thread.sleep(1_000);
      assertEquals(0, attacker.received().size(), "the attacker received " + attacker.received());
      admin.delete("api/v1/alert-channels/" + channel.getString("id"));
    } finally {
      admin.delete("api/v1/variables/SEC_JIRA_URL_" + s);
      admin.delete("api/v1/variables/SEC_JIRA_TOKEN_" + s);
    }
  }

  /** Finding 5: a receiver that echoes the request puts escaped copies of the secret in its answer. */
  @Test
  void echoedSecretsAreRedactedInTheHistoryInEveryForm() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient viewer = tokenFor(admin, "viewer");
    String s = suffix();
    String key = "SEC_ECHO_" + s;
    secret(admin, key, CANARY);
    try (LoopbackReceiver echo = new LoopbackReceiver()) {
      echo.echo();
      String checkId = check(admin, "security-echo-" + s);
      String url = echo.url("/hook").replace("http://", "http://svcuser:{{{" + key + "}}}@");
      JsonObject channel = Deliveries.create(admin, Deliveries.channel("echo " + s, url)
          .add("headers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "X-Api-Key").add("value", "{{{" + key + "}}}")))
          .add("template", "{\"key\":\"{{{" + key + "}}}\",\"escaped\":\"{{" + key + "}}\"}")
          .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", checkId))));
      String delivery = Deliveries.deliveryFor(admin, Deliveries.alert(admin, "ALERT_FAILURE", checkId), channel.getString("id"));
      LoopbackReceiver.Received got = echo.await(1, Duration.ofSeconds(30)).get(0);
      String sentAuth = got.header("authorization");
      assertTrue(sentAuth.startsWith("Basic "), "the credentials went as Basic auth: " + sentAuth);
      JsonObject detail = Deliveries.awaitStatus(admin, delivery, "SUCCEEDED");
      String shown = viewer.get("api/v1/deliveries/" + delivery).body();
      assertNoCanary(shown, "the delivery record");
      assertFalse(shown.contains(sentAuth.substring(6)), "the Basic credentials as sent: " + shown);
      assertTrue(detail.toString().contains("{{" + key + "}}"), "the record names the secret instead: " + detail);
      admin.delete("api/v1/alert-channels/" + channel.getString("id"));
    } finally {
      admin.delete("api/v1/variables/" + key);
    }
  }

  /** Finding 5: a value locked after deliveries recorded it is taken out of those records too. */
  @Test
  void aVariableLockedLaterIsScrubbedFromEarlierRecords() throws Exception {
    ApiClient admin = new ApiClient(base);
    String s = suffix();
    String key = "SEC_LATER_" + s;
    String value = "later-" + CANARY_CORE + "-" + s;
    plain(admin, key, value);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      String checkId = check(admin, "security-later-" + s);
      JsonObject channel = Deliveries.create(admin, Deliveries.channel("later " + s, receiver.url("/hook"))
          .add("template", "{\"token\":\"{{" + key + "}}\"}")
          .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", checkId))));
      String delivery = Deliveries.deliveryFor(admin, Deliveries.alert(admin, "ALERT_FAILURE", checkId), channel.getString("id"));
      Deliveries.awaitStatus(admin, delivery, "SUCCEEDED");
      assertTrue(admin.get("api/v1/deliveries/" + delivery).body().contains(value), "plain, it is shown");
      ApiClient.Reply lock = admin.put("api/v1/variables/" + key, "{\"locked\":true}");
      assertEquals(200, lock.status(), lock.body());
      Deliveries.await(admin, delivery, d -> !d.toString().contains(CANARY_CORE) && d.toString().contains("{{" + key + "}}"),
          "scrubbed of the value that became a secret");
      admin.delete("api/v1/alert-channels/" + channel.getString("id"));
    } finally {
      admin.delete("api/v1/variables/" + key);
    }
  }

  /** Finding 4: a preview cannot take more than a saved channel may: too many rows is a clear 200 with errors. */
  @Test
  void aPreviewWithHundredsOfHeadersIsRefusedBeforeAnyWork() throws Exception {
    ApiClient viewer = tokenFor(new ApiClient(base), "viewer");
    JsonArrayBuilder headers = Json.createArrayBuilder();
    String heavy = "{{#each (split X \",\" -1)}}{{#each (split @root.X \",\" -1)}}.{{/each}}{{/each}}";
    for (int i = 0; i < 480; i++) {
      headers.add(Json.createObjectBuilder().add("key", "X-" + i).add("value", heavy));
    }
    long started = System.nanoTime();
    ApiClient.Reply preview = viewer.post("api/v1/templates/preview",
        Json.createObjectBuilder().add("url", "http://127.0.0.1:9/").add("headers", headers).add("template", "{}").build().toString());
    assertEquals(200, preview.status(), preview.body());
    JsonObject answer = preview.json();
    assertFalse(answer.getBoolean("valid"), preview.body());
    assertEquals("headers", answer.getJsonArray("errors").getJsonObject(0).getString("field"), preview.body());
    assertTrue(answer.getJsonArray("errors").getJsonObject(0).getString("message").contains("at most 100"), preview.body());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30);
  }

  /** Each role tries each door of the API: what it may do works, the rest is 401 or 403 and changes nothing. */
  @Test
  void eachRoleTriesEachDoor() throws Exception {
    ApiClient admin = new ApiClient(base);
    Map<String, ApiClient> callers = new LinkedHashMap<>();
    callers.put("viewer", tokenFor(admin, "viewer"));
    callers.put("ingest", tokenFor(admin, "ingest"));
    callers.put("none", admin.as(null));
    callers.put("wrong", admin.as("aw_not-a-token-0123456789"));
    String s = suffix();
    JsonObject channel = Deliveries.create(admin, Deliveries.channel("doors " + s, "http://127.0.0.1:9/").add("activated", false));
    String channelId = channel.getString("id");
    String channelJson = Deliveries.channel("doors changed " + s, "http://127.0.0.1:9/").build().toString();
    record Door(String method, String path, String body, Set<String> allowed) {}
    List<Door> doors = new ArrayList<>(List.of(
        new Door("GET", "api/v1/alert-channels", null, Set.of("viewer")),
        new Door("GET", "api/v1/alert-channels/" + channelId, null, Set.of("viewer")),
        new Door("POST", "api/v1/alert-channels", channelJson, Set.of()),
        new Door("PUT", "api/v1/alert-channels/" + channelId, channelJson, Set.of()),
        new Door("DELETE", "api/v1/alert-channels/" + channelId, null, Set.of()),
        new Door("GET", "api/v1/variables", null, Set.of("viewer")),
        new Door("POST", "api/v1/variables", "{\"key\":\"DOORS_" + s + "\",\"value\":\"x\"}", Set.of()),
        new Door("PUT", "api/v1/variables/DOORS_" + s, "{\"value\":\"y\"}", Set.of()),
        new Door("DELETE", "api/v1/variables/DOORS_" + s, null, Set.of()),
        new Door("GET", "api/v1/checks", null, Set.of("viewer")),
        new Door("POST", "api/v1/checks", "{\"name\":\"doors " + s + "\",\"checkType\":\"API\"}", Set.of()),
        new Door("GET", "api/v1/check-groups", null, Set.of("viewer")),
        new Door("POST", "api/v1/check-groups", "{\"name\":\"doors " + s + "\"}", Set.of()),
        new Door("GET", "api/v1/deliveries", null, Set.of("viewer")),
        new Door("POST", "api/v1/deliveries/none/redeliver", null, Set.of()),
        new Door("POST", "api/v1/deliveries/none/cancel", null, Set.of()),
        new Door("POST", "api/v1/templates/preview", "{\"url\":\"http://127.0.0.1:9/\",\"template\":\"{}\"}", Set.of("viewer")),
        new Door("GET", "api/v1/api-tokens", null, Set.of()),
        new Door("POST", "api/v1/api-tokens", "{\"name\":\"doors\",\"role\":\"admin\"}", Set.of()),
        new Door("GET", "api/v1/audit", null, Set.of()),
        new Door("GET", "api/v1/export", null, Set.of("viewer")),
        new Door("POST", "api/v1/import?dryRun=true", "{}", Set.of()),
        new Door("POST", "api/v1/alerts", "{\"ALERT_TYPE\":\"ALERT_FAILURE\",\"CHECK_ID\":\"doors-" + s + "\"}", Set.of("ingest")),
        new Door("POST", "api/v1/sources/alertmanager", "{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"doors\"},\"fingerprint\":\"doors-am-" + s + "\"}]}", Set.of("ingest")),
        new Door("POST", "api/v1/sources/grafana", "{\"orgId\":1,\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"doors\"},\"fingerprint\":\"doors-gf-" + s + "\"}]}", Set.of("ingest")),
        new Door("POST", "api/v1/check-results", "{\"check\":{\"name\":\"doors " + s + "\",\"checkType\":\"API\"},\"hasFailures\":false}", Set.of("ingest"))));
    List<String> wrong = new ArrayList<>();
    for (Door door : doors) {
      for (Map.Entry<String, ApiClient> who : callers.entrySet()) {
        if (who.getKey().equals("wrong") && doors.indexOf(door) >= 5) {
          continue; // twenty wrong tokens from one address start a wait for every token from it (SignInThrottleIT)
        }
        ApiClient.Reply reply = switch (door.method()) {
          case "GET" -> who.getValue().get(door.path());
          case "POST" -> who.getValue().post(door.path(), door.body() == null ? "" : door.body());
          case "PUT" -> who.getValue().put(door.path(), door.body());
          default -> who.getValue().delete(door.path());
        };
        int expected = who.getKey().equals("none") || who.getKey().equals("wrong") ? 401 : 403;
        boolean allowed = door.allowed().contains(who.getKey());
        if (allowed ? reply.status() == 401 || reply.status() == 403 : reply.status() != expected) {
          wrong.add(who.getKey() + " " + door.method() + " " + door.path() + " -> " + reply.status() + " " + reply.body());
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(200, admin.get("api/v1/alert-channels/" + channelId).status(), "nothing was deleted");
    assertEquals(404, admin.get("api/v1/variables/DOORS_" + s).status(), "nothing was created");
    admin.delete("api/v1/alert-channels/" + channelId);
  }

  /** Finding 10: changes through the API are audited with the token's name, readable by admins only. */
  @Test
  void apiChangesAreAuditedWithWhoMadeThem() throws Exception {
    ApiClient admin = new ApiClient(base);
    String s = suffix();
    String tokenName = "audit-admin-" + s;
    ApiClient.Reply created = admin.post("api/v1/api-tokens", "{\"name\":\"" + tokenName + "\",\"role\":\"admin\"}");
    assertEquals(201, created.status());
    ApiClient second = admin.as(created.json().getString("token"));
    JsonObject channel = Deliveries.create(second, Deliveries.channel("audited " + s, "http://127.0.0.1:9/")
        .add("activated", false).add("webhookSecret", "audited-secret-" + s));
    assertEquals(201, second.post("api/v1/variables", "{\"key\":\"AUDITED_" + s + "\",\"value\":\"audited-value-" + s + "\",\"locked\":true}").status());
    assertEquals(204, second.delete("api/v1/alert-channels/" + channel.getString("id")).status());
    assertEquals(204, second.delete("api/v1/variables/AUDITED_" + s).status());
    ApiClient.Reply audit = admin.get("api/v1/audit?actor=" + java.net.URLEncoder.encode("token " + tokenName, StandardCharsets.UTF_8));
    assertEquals(200, audit.status(), audit.body());
    List<JsonObject> items = audit.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(Set.of("secret deleted AUDITED_" + s, "channel deleted audited " + s, "secret created AUDITED_" + s,
        "channel created audited " + s), Set.copyOf(items.stream().map(e -> e.getString("action") + " " + e.getString("target")).toList()));
    for (int i = 1; i < items.size(); i++) {
      assertFalse(java.time.Instant.parse(items.get(i - 1).getString("at")).isBefore(java.time.Instant.parse(items.get(i).getString("at"))),
          "newest first: " + items);
    }
    assertFalse(audit.body().contains("audited-value-" + s) || audit.body().contains("audited-secret-" + s), audit.body());
    ApiClient.Reply byTarget = admin.get("api/v1/audit?target=AUDITED_" + s);
    assertEquals(2, byTarget.json().getInt("total"), byTarget.body());
  }

  private static String hmacHex(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
