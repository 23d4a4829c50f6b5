package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A check walked through failing, reminders, recovery, degraded and SSL expiry, with one channel subscribed
 * to the check and one to its group: exactly which channel got which alert with which variables.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlertingIT {
  private static final String BODY =
      "{\"type\":\"{{ALERT_TYPE}}\",\"title\":\"{{ALERT_TITLE}}\",\"check\":\"{{CHECK_NAME}}\",\"group\":\"{{GROUP_NAME}}\","
          + "\"reminder\":{{IS_REMINDER}},\"seq\":{{REMINDER_SEQUENCE}},\"team\":\"{{TEAM}}\",\"tags\":\"{{TAGS}}\","
          + "\"status\":\"{{API_CHECK_RESPONSE_STATUS_CODE}}\",\"url\":\"{{CHECK_URL}}\",\"body\":\"{{API_CHECK_RESPONSE_BODY}}\","
          + "\"ssl\":\"{{SSL_CHECK_DOMAIN}} {{SSL_DAYS_REMAINING}}\",\"cause\":\"{{AI_ANALYSIS_ROOT_CAUSE}}\"}";

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  @Test
  void checkWalksThroughItsStatesAndEachChannelGetsWhatItSubscribedTo() throws Exception {
    ApiClient api = new ApiClient(base);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    try (LoopbackReceiver onCheck = new LoopbackReceiver();
        LoopbackReceiver onGroup = new LoopbackReceiver()) {
      JsonObject group = created(api.post("api/v1/check-groups", "{\"name\":\"Payments " + suffix + "\",\"tags\":[\"team-pay\"],\"reminderAmount\":1,\"reminderIntervalMinutes\":1}"));
      assertEquals(201, api.post("api/v1/check-groups/" + group.getString("id") + "/variables", "{\"key\":\"TEAM\",\"value\":\"payments\"}").status());
      JsonObject check = created(api.post("api/v1/checks", "{\"name\":\"Checkout " + suffix + "\",\"checkType\":\"API\",\"tags\":[\"prod\"],\"groupId\":\"" + group.getString("id") + "\"}"));
      String checkId = check.getString("id");

      JsonObject checkChannel =
          created(api.post("api/v1/alert-channels", channel("on check", onCheck.url("/c"))
              .add("sendDegraded", true).add("sslExpiry", true).add("sslExpiryThreshold", 14)
              .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", checkId).add("activated", true)))
              .build().toString()));
      JsonObject groupChannel =
          created(api.post("api/v1/alert-channels", channel("on group", onGroup.url("/g"))
              .add("sendRecovery", false)
              .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("groupId", group.getString("id"))))
              .build().toString()));

      JsonObject failing = result(api, checkId, "{\"hasFailures\":true,\"responseTime\":30012,\"runLocation\":\"Ireland\",\"region\":\"eu-west-1\","
          + "\"errorMessage\":\"timeout\",\"checkUrl\":\"https://api.example.com/pay\",\"response\":{\"statusCode\":503,\"statusText\":\"Service Unavailable\",\"body\":\"down\"},"
          + "\"aiAnalysis\":{\"rootCause\":\"db pool exhausted\"}}");
      assertEquals("ALERT_FAILURE", failing.getString("transition"));
      JsonObject checkFailure = bodyOf(onCheck.await(1, Deliveries.WAIT).get(0));
      JsonObject groupFailure = bodyOf(onGroup.await(1, Deliveries.WAIT).get(0));
      for (JsonObject alert : List.of(checkFailure, groupFailure)) {
        assertEquals("ALERT_FAILURE", alert.getString("type"));
        assertEquals("Check &quot;Checkout " + suffix + "&quot; has failed", alert.getString("title"));
        assertEquals("Payments " + suffix, alert.getString("group"));
        assertEquals("payments", alert.getString("team"), "group variable");
        assertEquals("prod,team-pay", alert.getString("tags"));
        assertEquals("503", alert.getString("status"));
        assertEquals("https://api.example.com/pay", alert.getString("url"));
        assertEquals("down", alert.getString("body"));
        assertEquals("db pool exhausted", alert.getString("cause"));
        assertFalse(alert.getBoolean("reminder"));
        assertEquals(0, alert.getInt("seq"));
      }
      assertEquals("ALERT_FAILURE_REMAIN", result(api, checkId, "{\"hasFailures\":true}").getString("transition"));

      // One reminder, a minute after the failure alert, to both channels.
      JsonObject reminder = bodyOf(onCheck.await(2, Duration.ofSeconds(90)).get(1));
      assertTrue(reminder.getBoolean("reminder"));
      assertEquals(1, reminder.getInt("seq"));
      assertEquals("ALERT_FAILURE", reminder.getString("type"));
      assertTrue(bodyOf(onGroup.await(2, Duration.ofSeconds(30)).get(1)).getBoolean("reminder"));
      // Issue #13: the history tells the reminder from the failure, by type and filter, and names the alert.
      String onCheckHistory = "api/v1/deliveries?channelId=" + checkChannel.getString("id");
      JsonObject reminders = api.get(onCheckHistory + "&alertType=REMINDER").json();
      assertEquals(1, reminders.getInt("total"), reminders.toString());
      assertEquals("REMINDER", reminders.getJsonArray("items").getJsonObject(0).getString("alertType"));
      assertEquals("Check \"Checkout " + suffix + "\" has failed", reminders.getJsonArray("items").getJsonObject(0).getString("alertTitle"));
      JsonObject failures = api.get(onCheckHistory + "&alertType=ALERT_FAILURE").json();
      assertEquals(1, failures.getInt("total"), "the first failure alone: " + failures);
      assertEquals("ALERT_FAILURE", failures.getJsonArray("items").getJsonObject(0).getString("alertType"));
      String reminderId = reminders.getJsonArray("items").getJsonObject(0).getString("id");
      assertEquals("REMINDER", api.get("api/v1/deliveries/" + reminderId).json().getString("alertType"), "the detail too");

      assertEquals("ALERT_RECOVERY", result(api, checkId, "{\"hasFailures\":false}").getString("transition"));
      assertEquals("ALERT_RECOVERY", bodyOf(onCheck.await(3, Deliveries.WAIT).get(2)).getString("type"));

      assertEquals("ALERT_DEGRADED", result(api, checkId, "{\"hasFailures\":false,\"isDegraded\":true}").getString("transition"));
      assertEquals("ALERT_DEGRADED", bodyOf(onCheck.await(4, Deliveries.WAIT).get(3)).getString("type"));
      assertEquals("ALERT_DEGRADED_RECOVERY", result(api, checkId, "{\"hasFailures\":false}").getString("transition"));
      assertEquals("ALERT_DEGRADED_RECOVERY", bodyOf(onCheck.await(5, Deliveries.WAIT).get(4)).getString("type"));

      JsonObject ssl = result(api, checkId, "{\"hasFailures\":false,\"sslCertificate\":{\"domain\":\"api.example.com\",\"daysRemaining\":9}}");
      assertEquals("ALERT_SSL", ssl.getJsonArray("alerts").getJsonObject(0).getString("alertType"));
      JsonObject sslAlert = bodyOf(onCheck.await(6, Deliveries.WAIT).get(5));
      assertEquals("The SSL certificate for api.example.com will expire in 9 days", sslAlert.getString("title"));
      assertEquals("api.example.com 9", sslAlert.getString("ssl"));
      assertTrue(result(api, checkId, "{\"hasFailures\":false,\"sslCertificate\":{\"domain\":\"api.example.com\",\"daysRemaining\":8}}")
          .getJsonArray("alerts").isEmpty(), "at most once a day per check");

      Thread.sleep(1_000);
      assertEquals(6, onCheck.received().size(), "failure, reminder, recovery, degraded, degraded recovery, SSL");
      assertEquals(2, onGroup.received().size(), "failure and reminder only: no recovery, degraded or SSL wanted");
      api.delete("api/v1/alert-channels/" + checkChannel.getString("id"));
      api.delete("api/v1/alert-channels/" + groupChannel.getString("id"));
    }
  }

  /**
   * A channel with no subscriptions receives every check's alerts (as the console says), whether the alert
   * is posted ready-made or decided from a check result: one routing rule for both doors. Before, the
   * result's answer said ALERT_FAILURE with no delivery and the catch-all channel got nothing.
   */
  @Test
  void aFailingResultOfANewCheckReachesACatchAllChannel() throws Exception {
    ApiClient api = new ApiClient(base);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    try (LoopbackReceiver everything = new LoopbackReceiver()) {
      JsonObject catchAll = created(api.post("api/v1/alert-channels", channel("catch-all " + suffix, everything.url("/all")).build().toString()));
      JsonObject answer = accepted(api.post("api/v1/check-results",
          "{\"check\":{\"name\":\"New check " + suffix + "\",\"checkType\":\"API\"},\"hasFailures\":true}"));
      assertEquals("ALERT_FAILURE", answer.getString("transition"), answer.toString());
      assertFalse(answer.getJsonArray("alerts").getJsonObject(0).getJsonArray("deliveries").isEmpty(), answer.toString());
      JsonObject alert = bodyOf(everything.await(1, Deliveries.WAIT).get(0));
      assertEquals("ALERT_FAILURE", alert.getString("type"));
      assertEquals("Check &quot;New check " + suffix + "&quot; has failed", alert.getString("title"));
      api.delete("api/v1/alert-channels/" + catchAll.getString("id"));
    }
  }

  @Test
  void mutedCheckAlertsNobodyAndFirstResultRegistersTheCheck() throws Exception {
    ApiClient api = new ApiClient(base);
    String name = "Nightly backup " + UUID.randomUUID().toString().substring(0, 8);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject first =
          accepted(api.post("api/v1/check-results", "{\"check\":{\"name\":\"" + name + "\",\"checkType\":\"HEARTBEAT\",\"tags\":[\"cron\"]},\"hasFailures\":false}"));
      String checkId = first.getString("checkId");
      assertEquals("NO_ALERT", first.getString("transition"));
      JsonObject channel = created(api.post("api/v1/alert-channels", channel("muted test", receiver.url("/m"))
          .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", checkId))).build().toString()));
      JsonObject again = accepted(api.post("api/v1/check-results", "{\"check\":{\"name\":\"" + name + "\",\"checkType\":\"HEARTBEAT\"},\"hasFailures\":false}"));
      assertEquals(checkId, again.getString("checkId"), "the same check, found by name and type");

      assertEquals(200, api.put("api/v1/checks/" + checkId, "{\"muted\":true}").status());
      JsonObject muted = result(api, checkId, "{\"hasFailures\":true}");
      assertEquals("ALERT_FAILURE", muted.getString("transition"));
      assertEquals("FAILING", muted.getString("alertState"), "the state still updates");
      assertTrue(muted.getJsonArray("alerts").isEmpty());
      Thread.sleep(1_000);
      assertEquals(0, receiver.received().size());
      api.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  @Test
  void tokensAndRolesGuardTheApi() throws Exception {
    ApiClient admin = new ApiClient(base);
    assertEquals(401, admin.as(null).get("api/v1/alert-channels").status());
    assertEquals(401, admin.as("wrong-token-wrong-token").get("api/v1/alert-channels").status());
    String viewer = created(admin.post("api/v1/api-tokens", "{\"name\":\"dashboards\",\"role\":\"viewer\"}")).getString("token");
    String ingest = created(admin.post("api/v1/api-tokens", "{\"name\":\"ci\",\"role\":\"ingest\"}")).getString("token");
    assertFalse(admin.get("api/v1/api-tokens").body().contains(viewer), "token values are shown once");

    assertEquals(200, admin.as(viewer).get("api/v1/alert-channels").status());
    ApiClient.Reply refused = admin.as(viewer).post("api/v1/alert-channels", "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9\"}");
    assertEquals(403, refused.status());
    assertTrue(refused.contentType().startsWith("application/problem+json"));
    assertEquals(403, admin.as(ingest).get("api/v1/alert-channels").status());
    assertEquals(202, admin.as(ingest).post("api/v1/check-results", "{\"check\":{\"name\":\"ingest-only\"},\"hasFailures\":false}").status());

    assertEquals(404, admin.post("api/v1/check-results", "{\"check\":{\"id\":\"no-such-check\"},\"hasFailures\":true}").status());
    assertEquals(400, admin.post("api/v1/check-results", "{\"check\":{\"name\":\"x\"}}").status(), "hasFailures is required");
    assertEquals(413, admin.post("api/v1/alerts", "{\"x\":\"" + "a".repeat(1_100_000) + "\"}").status());

    String openapi = admin.as(null).get("/openapi").body();
    for (String path : List.of("/api/v1/alert-channels", "/api/v1/alerts", "/api/v1/check-results", "/api/v1/checks", "/api/v1/check-groups",
        "/api/v1/variables", "/api/v1/deliveries", "/api/v1/templates/preview", "/api/v1/api-tokens")) {
      assertTrue(openapi.contains(path + ":"), "OpenAPI describes " + path);
    }
    assertTrue(openapi.contains("Alertwire API"));
  }

  @Test
  void configurationExportsWithoutSecretsAndImportsAllOrNothing() throws Exception {
    ApiClient api = new ApiClient(base);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String secretKey = "EXPORT_SECRET_" + suffix;
    assertEquals(201, api.post("api/v1/variables", "{\"key\":\"" + secretKey + "\",\"value\":\"s3cr3t-export-value\",\"locked\":true}").status());
    JsonObject group = created(api.post("api/v1/check-groups", "{\"name\":\"Export " + suffix + "\"}"));
    created(api.post("api/v1/checks", "{\"name\":\"Export check " + suffix + "\",\"groupId\":\"" + group.getString("id") + "\"}"));
    created(api.post("api/v1/alert-channels", channel("Export channel " + suffix, "http://127.0.0.1:9/hook")
        .add("webhookSecret", "webhook-secret-export")
        .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("groupId", group.getString("id")))).build().toString()));

    ApiClient.Reply exported = api.get("api/v1/export");
    assertEquals(200, exported.status());
    assertFalse(exported.body().contains("s3cr3t-export-value"), "secrets by name only");
    assertFalse(exported.body().contains("webhook-secret-export"));
    JsonObject doc = exported.json();
    assertTrue(exported.body().contains("\"group\":\"Export " + suffix + "\""), "subscriptions and checks name their group");

    // Everything in the export applies cleanly to the same installation: all updates.
    JsonObject roundTrip = api.post("api/v1/import", doc.toString()).json();
    assertTrue(roundTrip.getJsonArray("changes").getValuesAs(JsonObject.class).stream().noneMatch(c -> c.getString("action").equals("create")), roundTrip.toString());

    String newChannel = "{\"alertChannels\":[{\"name\":\"Imported " + suffix + "\",\"url\":\"http://127.0.0.1:9/new\",\"subscriptions\":[{\"group\":\"Export " + suffix + "\"}]}]}";
    JsonObject dry = api.post("api/v1/import?dryRun=true", newChannel).json();
    assertTrue(dry.getBoolean("dryRun"));
    assertEquals("create", dry.getJsonArray("changes").getJsonObject(0).getString("action"));
    assertFalse(api.get("api/v1/alert-channels").body().contains("Imported " + suffix), "a dry run changes nothing");

    String withBadItem = "{\"alertChannels\":[{\"name\":\"Imported " + suffix + "\",\"url\":\"http://127.0.0.1:9/new\"},{\"name\":\"Broken\",\"url\":\"ftp://x\"}]}";
    ApiClient.Reply refused = api.post("api/v1/import", withBadItem);
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.body().contains("alertChannels[1].url"), refused.body());
    assertFalse(api.get("api/v1/alert-channels").body().contains("Imported " + suffix), "all or nothing");

    assertEquals(200, api.post("api/v1/import", newChannel).status());
    assertTrue(api.get("api/v1/alert-channels").body().contains("Imported " + suffix));
  }

  private static JsonObjectBuilder channel(String name, String url) {
    return Json.createObjectBuilder().add("name", name).add("url", url).add("template", BODY);
  }

  private static JsonObject result(ApiClient api, String checkId, String json) throws Exception {
    JsonObject body = Json.createReader(new java.io.StringReader(json)).readObject();
    return accepted(api.post("api/v1/check-results", Json.createObjectBuilder(body).add("check", Json.createObjectBuilder().add("id", checkId)).build().toString()));
  }

  private static JsonObject accepted(ApiClient.Reply reply) {
    assertEquals(202, reply.status(), reply.body());
    return reply.json();
  }

  private static JsonObject created(ApiClient.Reply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  private static JsonObject bodyOf(LoopbackReceiver.Received r) {
    return Json.createReader(new java.io.StringReader(r.bodyText())).readObject();
  }
}
