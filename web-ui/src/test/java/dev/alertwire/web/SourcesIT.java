package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Alertmanager's and Grafana's documented webhook payloads (src/test/resources/sources/) posted over HTTP
 * with an ingest token, as those tools send them, arriving rendered at a real receiver on loopback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourcesIT {
  /** Triple braces: the values are URLs and prose, and this receiver wants them as they are. */
  private static final String TEMPLATE =
      "{\"type\":\"{{ALERT_TYPE}}\",\"title\":\"{{{ALERT_TITLE}}}\",\"name\":\"{{{CHECK_NAME}}}\",\"id\":\"{{CHECK_ID}}\","
          + "\"severity\":\"{{LABELS.severity}}\",\"zone\":\"{{LABELS.zone}}\",\"runbook\":\"{{{ANNOTATIONS.runbook_url}}}\","
          + "\"error\":\"{{{CHECK_ERROR_MESSAGE}}}\",\"started\":\"{{STARTED_AT}}\",\"link\":\"{{{RESULT_LINK}}}\",\"tags\":\"{{TAGS}}\","
          + "\"external\":\"{{{EXTERNAL_URL}}}\",\"source\":\"{{ALERT_SOURCE}}\",\"state\":\"{{GRAFANA_STATE}}\",\"b\":\"{{VALUES.B}}\"}";

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  @Test
  void alertmanagersDocumentedPayloadArrivesRenderedWithItsLabelsAndAnnotations() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient ingest = token(admin, "ingest");
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject channel = channel(admin, "am " + suffix(), receiver.url("/am"), "team=payments");
      ApiClient.Reply reply = ingest.post("api/v1/sources/alertmanager", fixture("alertmanager-webhook.json"));
      assertEquals(202, reply.status(), reply.body());
      JsonObject answered = reply.json().getJsonArray("alerts").getJsonObject(0);
      assertEquals("7c1e9a3fd2b04e61", answered.getString("checkId"));
      assertEquals("PaymentsApiDown", answered.getString("alertname"));
      assertEquals("ALERT_FAILURE", answered.getString("alertType"));
      assertTrue(ids(answered.getJsonArray("deliveries")).contains(deliveryOf(admin, answered, channel)), reply.body());

      JsonObject got = bodyOf(receiver.await(1, Deliveries.WAIT).get(0));
      assertEquals("ALERT_FAILURE", got.getString("type"));
      assertEquals("Payments API probe failing: https://payments.example.org/health", got.getString("title"));
      assertEquals("PaymentsApiDown", got.getString("name"));
      assertEquals("7c1e9a3fd2b04e61", got.getString("id"));
      assertEquals("critical", got.getString("severity"), "{{LABELS.severity}}");
      assertEquals("https://runbooks.example.org/payments/api-down", got.getString("runbook"), "{{ANNOTATIONS.runbook_url}}");
      assertEquals("https://payments.example.org/health has failed its probe for more than 5 minutes (job blackbox_http).", got.getString("error"));
      assertEquals("2026-06-15T11:08:45.828Z", got.getString("started"));
      assertEquals("http://prometheus.example.org:9090/graph?g0.expr=probe_success%7Bjob%3D%22blackbox_http%22%7D+%3D%3D+0&g0.tab=1", got.getString("link"));
      assertEquals("alertname:PaymentsApiDown,instance:https://payments.example.org/health,job:blackbox_http,severity:critical,team:payments",
          got.getString("tags"));
      assertEquals("http://alertmanager.example.org:9093", got.getString("external"));
      assertEquals("alertmanager", got.getString("source"));
      admin.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  @Test
  void grafanasDocumentedPayloadIsTakenOnBothPathsOneEventPerAlert() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient ingest = token(admin, "ingest");
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject channel = channel(admin, "grafana " + suffix(), receiver.url("/gf"), "team=blue");
      ApiClient.Reply reply = ingest.post("api/v1/sources/grafana", fixture("grafana-webhook.json"));
      assertEquals(202, reply.status(), reply.body());
      JsonArray alerts = reply.json().getJsonArray("alerts");
      assertEquals(2, alerts.size(), reply.body());
      assertEquals("c6eadffa33fcdf37", alerts.getJsonObject(0).getString("checkId"));
      assertEquals("bc97ff14869b13e3", alerts.getJsonObject(1).getString("checkId"));

      List<JsonObject> got = receiver.await(2, Deliveries.WAIT).stream().map(SourcesIT::bodyOf).toList();
      JsonObject memory = got.stream().filter(b -> b.getString("name").equals("High memory usage")).findFirst().orElseThrow();
      assertEquals("This alert was triggered for zone us-1", memory.getString("title"));
      assertEquals("us-1", memory.getString("zone"), "{{LABELS.zone}}");
      assertEquals("https://myrunbook.com/runbook/1234", memory.getString("runbook"));
      assertEquals("The system has high memory usage", memory.getString("error"));
      assertEquals("2021-10-12T07:51:03.157076Z", memory.getString("started"));
      assertEquals("https://play.grafana.org/alerting/1afz29v7z/edit", memory.getString("link"));
      assertEquals("grafana", memory.getString("source"));
      assertEquals("alerting", memory.getString("state"));
      assertEquals("44.23943737541908", memory.getString("b"), "{{VALUES.B}}");
      assertTrue(got.stream().anyMatch(b -> b.getString("name").equals("High CPU usage") && b.getString("zone").equals("eu-1")), got.toString());

      ApiClient.Reply samePath = ingest.post("api/v1/sources/alertmanager", fixture("grafana-webhook.json"));
      assertEquals(202, samePath.status(), samePath.body());
      assertEquals(4, receiver.await(4, Deliveries.WAIT).size());
      assertEquals("grafana", bodyOf(receiver.received().get(3)).getString("source"), "Grafana's payload is known by its orgId");
      admin.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  /** The fingerprint is the check id: the resolved alert supersedes the firing one's pending retries. */
  @Test
  void aResolvedAlertCancelsTheRetriesOfItsFiringOne() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient ingest = token(admin, "ingest");
    String s = suffix();
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      receiver.answer(500);
      JsonObject channel = Deliveries.create(admin, Json.createObjectBuilder()
          .add("name", "resolve " + s).add("url", receiver.url("/r")).add("template", TEMPLATE).add("retryDelayMs", 1_500)
          .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "run=" + s))));
      JsonObject firing = withLabel(json(fixture("alertmanager-webhook.json")), "run", s);
      ApiClient.Reply fired = ingest.post("api/v1/sources/alertmanager", firing.toString());
      assertEquals(202, fired.status(), fired.body());
      String failure = deliveryOf(admin, fired.json().getJsonArray("alerts").getJsonObject(0), channel);
      Deliveries.await(admin, failure, d -> "RETRYING".equals(d.getString("status")), "retrying after the receiver's 500");

      ApiClient.Reply resolved = ingest.post("api/v1/sources/alertmanager", resolvedOf(firing).toString());
      assertEquals(202, resolved.status(), resolved.body());
      JsonObject answered = resolved.json().getJsonArray("alerts").getJsonObject(0);
      assertEquals("ALERT_RECOVERY", answered.getString("alertType"));
      String recovery = deliveryOf(admin, answered, channel);
      Deliveries.awaitStatus(admin, recovery, "SUCCEEDED");
      JsonObject old = Deliveries.awaitStatus(admin, failure, "SUPERSEDED");
      assertTrue(old.getString("lastError").contains("superseded"), old.toString());
      Thread.sleep(2_000);
      assertEquals(2, receiver.received().size(), "the firing alert's retry was never sent: " + receiver.received());
      assertEquals("ALERT_RECOVERY", bodyOf(receiver.received().get(1)).getString("type"));
      admin.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  @Test
  void aLabelSubscriptionRoutesOnlyAlertsWithThatLabel() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient ingest = token(admin, "ingest");
    String s = suffix();
    try (LoopbackReceiver payments = new LoopbackReceiver(); LoopbackReceiver search = new LoopbackReceiver();
        LoopbackReceiver onGroup = new LoopbackReceiver()) {
      JsonObject paymentsChannel = channel(admin, "payments " + s, payments.url("/p"), "team=payments");
      JsonObject searchChannel = channel(admin, "search " + s, search.url("/s"), "team=search");
      String groupId = created(admin.post("api/v1/check-groups", "{\"name\":\"Sources group " + s + "\"}")).getString("id");
      JsonObject groupChannel = Deliveries.create(admin, Json.createObjectBuilder().add("name", "group " + s).add("url", onGroup.url("/g"))
          .add("template", TEMPLATE).add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("groupId", groupId))));
      assertEquals("team=payments",
          admin.get("api/v1/alert-channels/" + paymentsChannel.getString("id")).json().getJsonArray("subscriptions").getJsonObject(0).getString("label"));

      ApiClient.Reply reply = ingest.post("api/v1/sources/alertmanager", fixture("alertmanager-webhook.json"));
      assertEquals(202, reply.status(), reply.body());
      List<String> deliveries = ids(reply.json().getJsonArray("alerts").getJsonObject(0).getJsonArray("deliveries"));
      assertEquals("critical", bodyOf(payments.await(1, Deliveries.WAIT).get(0)).getString("severity"));
      Thread.sleep(1_500);
      assertEquals(0, search.received().size(), "team=search is not this alert's team");
      assertEquals(0, onGroup.received().size(), "a group subscription does not match an Alertmanager alert");
      for (JsonObject other : List.of(searchChannel, groupChannel)) {
        for (String id : deliveries) {
          assertFalse(other.getString("id").equals(admin.get("api/v1/deliveries/" + id).json().getString("channelId", null)), reply.body());
        }
      }

      ApiClient.Reply bad = admin.post("api/v1/alert-channels", Json.createObjectBuilder().add("name", "bad label " + s).add("url", payments.url("/x"))
          .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "team payments"))).build().toString());
      assertEquals(400, bad.status(), bad.body());
      assertTrue(bad.body().contains("subscriptions[0].label"), bad.body());
      for (JsonObject c : List.of(paymentsChannel, searchChannel, groupChannel)) {
        admin.delete("api/v1/alert-channels/" + c.getString("id"));
      }
    }
  }

  @Test
  void badPayloadsAreRefusedNamingTheFieldAndNothingIsQueued() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient ingest = token(admin, "ingest");
    String s = suffix();
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject channel = channel(admin, "bad " + s, receiver.url("/b"), "run=" + s);
      JsonObject good = withLabel(json(fixture("alertmanager-webhook.json")), "run", s);
      JsonObject secondBad = Json.createObjectBuilder(good).add("alerts", Json.createArrayBuilder(good.getJsonArray("alerts"))
          .add(Json.createObjectBuilder(good.getJsonArray("alerts").getJsonObject(0)).add("status", "burning").add("startsAt", "yesterday"))).build();
      ApiClient.Reply refused = ingest.post("api/v1/sources/alertmanager", secondBad.toString());
      assertEquals(400, refused.status(), refused.body());
      assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
      List<String> fields = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
      assertEquals(List.of("alerts[1].status", "alerts[1].startsAt"), fields, refused.body());

      assertField(ingest.post("api/v1/sources/alertmanager", "{\"version\":\"4\",\"status\":\"firing\"}"), "alerts");
      assertField(ingest.post("api/v1/sources/grafana", "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"team\":7}}]}"), "alerts[0].labels.team");
      assertField(ingest.post("api/v1/sources/alertmanager", "{\"alerts\":[{\"status\":\"firing\"}]}"), "alerts[0].labels");
      assertField(ingest.post("api/v1/sources/alertmanager", "{\"alerts\": [}"), "body");
      assertField(ingest.post("api/v1/sources/alertmanager", Json.createObjectBuilder(good).add("version", "3").build().toString()), "version");

      assertEquals(401, admin.as(null).post("api/v1/sources/alertmanager", good.toString()).status());
      assertEquals(403, token(admin, "viewer").post("api/v1/sources/alertmanager", good.toString()).status());
      Thread.sleep(1_000);
      assertEquals(0, receiver.received().size(), "a refused notification queues none of its alerts: " + receiver.received());
      admin.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  @Test
  void thePreviewRendersAChannelForASampleAlertmanagerAlert() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient.Reply preview = admin.post("api/v1/templates/preview", Json.createObjectBuilder()
        .add("url", "http://127.0.0.1:9/hook").add("alertType", "ALERTMANAGER")
        .add("template", "{{ALERT_TYPE}} {{CHECK_NAME}} {{LABELS.severity}} {{LABELS.team}} {{{ANNOTATIONS.runbook_url}}} {{CHECK_TYPE}}").build().toString());
    assertEquals(200, preview.status(), preview.body());
    JsonObject answer = preview.json();
    assertTrue(answer.getBoolean("valid"), answer.toString());
    assertEquals("ALERTMANAGER", answer.getString("alertType"));
    assertEquals("ALERT_FAILURE CheckoutHighErrorRate critical payments https://runbooks.example.com/checkout/high-error-rate ALERTMANAGER",
        answer.getJsonObject("request").getString("body"));
  }

  /**
   * In the console: the editor shows a channel's label subscriptions, previews it for the sample Alertmanager
   * alert, and saving keeps the labels (and a bad one is refused beside its field).
   */
  @Test
  void theConsoleEditorPreviewsAnAlertmanagerAlertAndKeepsLabelSubscriptions() throws Exception {
    ApiClient admin = new ApiClient(base);
    String s = suffix();
    JsonObject channel = Deliveries.create(admin, Json.createObjectBuilder().add("name", "console labels " + s).add("url", "http://127.0.0.1:9/hook")
        .add("template", "{\"sev\": \"{{LABELS.severity}}\", \"team\": \"{{LABELS.team}}\"}")
        .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "team=payments"))
            .add(Json.createObjectBuilder().add("label", "env=prod"))));
    String id = channel.getString("id");
    try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
      browser.signIn("admin", ConsoleIT.ADMIN_PASSWORD);
      browser.waitFor(By.id("channels:table"));
      browser.open("admin/channel.xhtml?id=" + id);
      browser.waitFor(By.id("editor:subscribedLabels"));
      assertEquals("team=payments\nenv=prod", browser.byId("editor:subscribedLabels").getAttribute("value"));
      browser.waitForText(By.id("previewBody"), "{\"sev\": \"\", \"team\": \"\"}");
      browser.choose("editor:sampleKind", "Alertmanager alert (firing)");
      browser.waitForText(By.id("previewBody"), "{\"sev\": \"critical\", \"team\": \"payments\"}");
      browser.screenshotHere("channel-editor-alertmanager-sample");

      WebElement labels = browser.byId("editor:subscribedLabels");
      labels.clear();
      labels.sendKeys("team=payments\nnot a label");
      browser.click("editor:save");
      browser.waitForText(By.id("editor:subscribedLabelsMessage"), "name=value");
      assertEquals(List.of("team=payments", "env=prod"), labelsOf(admin, id), "nothing stored is lost on a refused save");

      labels = browser.byId("editor:subscribedLabels");
      labels.clear();
      labels.sendKeys("team=payments\nseverity=critical");
      browser.click("editor:save");
      browser.waitForText(By.id("messages"), "Saved");
      assertEquals(List.of("team=payments", "severity=critical"), labelsOf(admin, id));
    } finally {
      admin.delete("api/v1/alert-channels/" + id);
    }
  }

  private static List<String> labelsOf(ApiClient admin, String channelId) throws Exception {
    return admin.get("api/v1/alert-channels/" + channelId).json().getJsonArray("subscriptions").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("label", "")).toList();
  }

  /** Issue #12's rule holds for these doors too: a stored variable wins over what the payload brings. */
  @Test
  void storedVariablesWinOverThePayload() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient ingest = token(admin, "ingest");
    String s = suffix();
    admin.delete("api/v1/variables/EXTERNAL_URL");
    assertEquals(201, admin.post("api/v1/variables", "{\"key\":\"EXTERNAL_URL\",\"value\":\"https://stored.example.com\"}").status());
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject channel = channel(admin, "stored " + s, receiver.url("/v"), "run=" + s);
      ApiClient.Reply reply = ingest.post("api/v1/sources/alertmanager", withLabel(json(fixture("alertmanager-webhook.json")), "run", s).toString());
      assertEquals(202, reply.status(), reply.body());
      assertEquals(List.of("EXTERNAL_URL"), reply.json().getJsonArray("alerts").getJsonObject(0).getJsonArray("ignoredVariables")
          .getValuesAs(JsonString::getString));
      assertEquals("https://stored.example.com", bodyOf(receiver.await(1, Deliveries.WAIT).get(0)).getString("external"));
      admin.delete("api/v1/alert-channels/" + channel.getString("id"));
    } finally {
      admin.delete("api/v1/variables/EXTERNAL_URL");
    }
  }

  private static void assertField(ApiClient.Reply reply, String field) {
    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply.body());
  }

  private static JsonObject channel(ApiClient admin, String name, String url, String label) throws Exception {
    JsonObjectBuilder channel = Json.createObjectBuilder().add("name", name).add("url", url).add("template", TEMPLATE)
        .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", label)));
    return Deliveries.create(admin, channel);
  }

  private static ApiClient token(ApiClient admin, String role) throws Exception {
    JsonObject created = created(admin.post("api/v1/api-tokens", "{\"name\":\"sources-it " + role + " " + suffix() + "\",\"role\":\"" + role + "\"}"));
    return admin.as(created.getString("token"));
  }

  private static String deliveryOf(ApiClient admin, JsonObject answeredAlert, JsonObject channel) throws Exception {
    return Deliveries.deliveryFor(admin, answeredAlert, channel.getString("id"));
  }

  private static List<String> ids(JsonArray array) {
    return array.getValuesAs(JsonString::getString);
  }

  /** The fixture's alerts with one more label, so that only this test's channel is subscribed to them. */
  private static JsonObject withLabel(JsonObject payload, String name, String value) {
    var alerts = Json.createArrayBuilder();
    for (JsonObject a : payload.getJsonArray("alerts").getValuesAs(JsonObject.class)) {
      alerts.add(Json.createObjectBuilder(a).add("labels", Json.createObjectBuilder(a.getJsonObject("labels")).add(name, value))
          .add("fingerprint", a.getString("fingerprint") + "-" + value));
    }
    return Json.createObjectBuilder(payload).add("alerts", alerts).build();
  }

  /** As Alertmanager sends the same alerts once they resolved. */
  private static JsonObject resolvedOf(JsonObject payload) {
    var alerts = Json.createArrayBuilder();
    for (JsonObject a : payload.getJsonArray("alerts").getValuesAs(JsonObject.class)) {
      alerts.add(Json.createObjectBuilder(a).add("status", "resolved").add("endsAt", "2026-06-15T13:31:15.12+02:00"));
    }
    return Json.createObjectBuilder(payload).add("status", "resolved").add("alerts", alerts).build();
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = SourcesIT.class.getResourceAsStream("/sources/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static JsonObject created(ApiClient.Reply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  private static JsonObject bodyOf(LoopbackReceiver.Received r) {
    return json(r.bodyText());
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
