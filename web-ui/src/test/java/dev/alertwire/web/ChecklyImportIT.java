package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.signing.ChecklySignature;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/v1/import/checkly} with the fixture written from the hosted product's API reference
 * (delivery-ejb/src/test/resources/checkly): the dry run, the import, an imported channel delivering a real
 * alert to a loopback receiver, a second import, a viewer, bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChecklyImportIT {
  static final Path FIXTURES = Path.of("../delivery-ejb/src/test/resources/checkly");
  static final List<String> CHANNELS = List.of("Ops webhook", "Teams notifications", "Broken template");
  static final List<String> VARIABLES = List.of("OPS_TEAM", "PAGER_API_KEY", "STATUS_PAGE_URL");
  static final String SIGNING = "sig-secret-from-the-hosted-product";
  static final String TOKEN = "query-token-77c1a0";
  static final String PAGER = "pager-key-3e9d51";

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  /** The fixture as one import body, its channels aimed at {@code receiverBase} instead of 127.0.0.1:9. */
  static String fixture(String receiverBase) throws IOException {
    String channels = Files.readString(FIXTURES.resolve("alert-channels.json"), StandardCharsets.UTF_8).replace("http://127.0.0.1:9", receiverBase);
    String variables = Files.readString(FIXTURES.resolve("variables.json"), StandardCharsets.UTF_8);
    return "{\"alertChannels\": " + channels + ", \"variables\": " + variables + "}";
  }

  /** Removes what an earlier run (the IT database lives until mvn clean) or another test imported. */
  static void removeImported(ApiClient admin) throws Exception {
    for (JsonObject c : admin.get("api/v1/alert-channels").jsonValue().asJsonArray().getValuesAs(JsonObject.class)) {
      if (CHANNELS.contains(c.getString("name"))) {
        admin.delete("api/v1/alert-channels/" + c.getString("id"));
      }
    }
    for (String key : VARIABLES) {
      admin.delete("api/v1/variables/" + key);
    }
  }

  @Test
  void dryRunCreatesNothingTheImportCreatesEverythingAndAChannelDelivers() throws Exception {
    ApiClient admin = new ApiClient(base);
    removeImported(admin);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      String receiverBase = receiver.url("/").replaceAll("/$", "");
      String export = fixture(receiverBase);
      int channelsBefore = admin.get("api/v1/alert-channels").jsonValue().asJsonArray().size();

      ApiClient.Reply dry = admin.post("api/v1/import/checkly?dryRun=true", export);
      assertEquals(200, dry.status(), dry.body());
      JsonObject plan = dry.json();
      assertTrue(plan.getBoolean("dryRun"));
      assertEquals(Map.of("alertChannel:Ops webhook", "", "alertChannel:Teams notifications", "", "variable:OPS_TEAM", "",
              "secret:PAGER_API_KEY", "", "secret:STATUS_PAGE_URL", ""),
          names(plan.getJsonArray("created")));
      Map<String, JsonObject> skipped = plan.getJsonArray("skipped").getValuesAs(JsonObject.class).stream()
          .collect(Collectors.toMap(s -> s.getString("name"), s -> s));
      assertEquals(3, skipped.size(), plan.toString());
      assertEquals("EMAIL", skipped.get("email channel 1004").getString("type"));
      assertTrue(skipped.get("email channel 1004").getString("reason").contains("webhooks only"));
      assertEquals("SLACK", skipped.get("slack channel 1005").getString("type"));
      JsonObject broken = skipped.get("Broken template");
      JsonObject templateError = broken.getJsonArray("errors").getJsonObject(0);
      assertEquals("template", templateError.getString("field"));
      assertEquals(3, templateError.getInt("line"), broken.toString());
      assertTrue(templateError.getInt("column") > 0);
      assertTrue(broken.getString("reason").contains("line 3"), broken.toString());
      assertEquals(
          List.of("variables.PAGER_API_KEY", "alertChannels.Ops webhook.queryParameters.token", "alertChannels.Ops webhook.webhookSecret"),
          plan.getJsonArray("secretsNeeded").getValuesAs(JsonObject.class).stream().map(s -> s.getString("ref")).toList());
      assertEquals(channelsBefore, admin.get("api/v1/alert-channels").jsonValue().asJsonArray().size(), "the dry run created nothing");
      assertEquals(404, admin.get("api/v1/variables/OPS_TEAM").status(), "the dry run created nothing");

      ApiClient.Reply missing = admin.post("api/v1/import/checkly?dryRun=false", export);
      assertProblem(missing, "secretValues.alertChannels.Ops webhook.webhookSecret");
      assertEquals(channelsBefore, admin.get("api/v1/alert-channels").jsonValue().asJsonArray().size(), "refused: nothing created");

      String withSecrets = export.substring(0, export.lastIndexOf('}'))
          + ", \"secretValues\": {\"variables.PAGER_API_KEY\": \"" + PAGER + "\", \"alertChannels.Ops webhook.queryParameters.token\": \""
          + TOKEN + "\", \"alertChannels.Ops webhook.webhookSecret\": \"" + SIGNING + "\"}}";
      ApiClient.Reply done = admin.post("api/v1/import/checkly?dryRun=false", withSecrets);
      assertEquals(200, done.status(), done.body());
      assertFalse(done.json().getBoolean("dryRun"));
      for (String secret : List.of(PAGER, TOKEN, SIGNING, "ops-token-5b1c9e", "https://status.example.com")) {
        assertFalse(done.body().contains(secret), "the answer never holds a secret value: " + done.body());
      }
      JsonObject ops = channelNamed(admin, "Ops webhook");
      assertTrue(ops.getBoolean("webhookSecretSet"));
      assertFalse(ops.toString().contains(SIGNING) || ops.toString().contains(TOKEN) || ops.toString().contains("ops-token-5b1c9e"), ops.toString());
      JsonObject teams = channelNamed(admin, "Teams notifications");
      assertEquals(14, teams.getInt("sslExpiryThreshold"), teams.toString());
      assertFalse(teams.getBoolean("sendRecovery"));
      assertTrue(teams.getBoolean("autoSubscribe"));
      assertTrue(teams.getBoolean("supersedeOlder"), "what the export does not say takes Alertwire's default");
      assertEquals("payments", admin.get("api/v1/variables/OPS_TEAM").json().getString("value"));
      JsonObject pager = admin.get("api/v1/variables/PAGER_API_KEY").json();
      assertTrue(pager.getBoolean("locked"));
      assertFalse(pager.toString().contains(PAGER), pager.toString());
      assertTrue(admin.get("api/v1/variables/STATUS_PAGE_URL").json().getBoolean("locked"), "a locked variable becomes a secret");

      String audit = admin.get("api/v1/audit?size=50").body();
      assertTrue(audit.contains("checkly import"), audit);
      for (String secret : List.of(PAGER, TOKEN, SIGNING, "ops-token-5b1c9e")) {
        assertFalse(audit.contains(secret), "the audit names secrets only");
      }

      ApiClient.Reply alert = admin.post("api/v1/alerts", Json.createObjectBuilder()
          .add("ALERT_TYPE", "ALERT_FAILURE").add("ALERT_TITLE", "Check \"Checkout\" has failed").add("CHECK_NAME", "Checkout")
          .add("CHECK_ID", "checkly-import-it").add("TAGS", Json.createArrayBuilder().add("prod").add("eu")).build().toString());
      assertEquals(202, alert.status(), alert.body());
      LoopbackReceiver.Received request = receiver.await(2, Duration.ofSeconds(30)).stream()
          .filter(r -> r.path().startsWith("/hooks/ops")).findFirst().orElseThrow();
      assertEquals("/hooks/ops?source=checkly&token=" + TOKEN, request.path());
      assertEquals(
          "{\n  \"title\": \"Check &quot;Checkout&quot; has failed\",\n  \"type\": \"ALERT_FAILURE\",\n  \"check\": \"Checkout\",\n"
              + "  \"team\": \"payments\",\n  \"tags\": [\"prod\",\"eu\"]\n}",
          request.bodyText());
      assertEquals("Bearer ops-token-5b1c9e", request.header("authorization"));
      assertEquals(ChecklySignature.sign(SIGNING, request.body()), request.header("x-checkly-signature"));

      ApiClient.Reply again = admin.post("api/v1/import/checkly?dryRun=false", withSecrets.replace(", \"secretValues\"", ", \"ignored\""));
      assertEquals(200, again.status(), again.body());
      JsonObject second = again.json();
      assertEquals(0, second.getJsonArray("created").size(), second.toString());
      List<String> reasons = second.getJsonArray("skipped").getValuesAs(JsonObject.class).stream().map(s -> s.getString("reason")).toList();
      assertTrue(reasons.contains("a channel named Ops webhook exists already; it is left as it is"), reasons.toString());
      assertTrue(reasons.contains("a variable named PAGER_API_KEY exists already; it is left as it is"), reasons.toString());
      assertEquals(1, admin.get("api/v1/alert-channels").jsonValue().asJsonArray().getValuesAs(JsonObject.class).stream()
          .filter(c -> c.getString("name").equals("Ops webhook")).count());
    } finally {
      removeImported(admin);
    }
  }

  @Test
  void aViewerIsRefusedAndBadInputIsNamed() throws Exception {
    ApiClient admin = new ApiClient(base);
    ApiClient.Reply token = admin.post("api/v1/api-tokens", "{\"name\":\"checkly-import-it viewer " + System.nanoTime() + "\",\"role\":\"viewer\"}");
    assertEquals(201, token.status(), token.body());
    ApiClient viewer = admin.as(token.json().getString("token"));
    String export = fixture("http://127.0.0.1:9");
    ApiClient.Reply refused = viewer.post("api/v1/import/checkly?dryRun=true", export);
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
    assertEquals(403, viewer.post("api/v1/import/checkly?dryRun=false", export).status());

    assertProblem(admin.post("api/v1/import/checkly", "{\"alertChannels\": [{\"type\": \"WEBHOOK\", \"config\": {\"name\": \"x\"}}]}"),
        "alertChannels[0].config.url");
    assertProblem(admin.post("api/v1/import/checkly", "{\"variables\": [{\"key\": \"A\", \"secret\": \"yes\"}]}"), "variables[0].secret");
    assertProblem(admin.post("api/v1/import/checkly", "{\"alertChannels\": "), "body");
    assertProblem(admin.post("api/v1/import/checkly", export.substring(0, export.lastIndexOf('}')) + ", \"secretValues\": {\"nope\": \"abcdefgh\"}}"),
        "secretValues.nope");
    assertProblem(admin.post("api/v1/import/checkly", export.substring(0, export.lastIndexOf('}'))
        + ", \"secretValues\": {\"alertChannels.Ops webhook.webhookSecret\": \"short\"}}"), "secretValues.alertChannels.Ops webhook.webhookSecret");
  }

  private static JsonObject channelNamed(ApiClient admin, String name) throws Exception {
    return admin.get("api/v1/alert-channels").jsonValue().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError("no channel " + name));
  }

  private static Map<String, String> names(JsonArray items) {
    return items.getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(i -> i.getString("kind") + ":" + i.getString("name"), i -> ""));
  }

  private static void assertProblem(ApiClient.Reply reply, String field) {
    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertTrue(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("field").equals(field)),
        "no error for " + field + " in " + reply.body());
  }
}
