package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Variables and secrets through the API, rendering with them, and redaction wherever a request is shown. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecretsAndPreviewIT {
  private static final String SECRET = "sk_live 4f9a&Zq";

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  @Test
  void secretsAreWriteOnlyUsedWhenSentAndRedactedInTheRecord() throws Exception {
    ApiClient api = new ApiClient(base);
    api.delete("api/v1/variables/PAGER_KEY");
    api.delete("api/v1/variables/TEAM_NAME");
    assertEquals(201, api.post("api/v1/variables", json("PAGER_KEY", SECRET, true)).status());
    assertEquals(201, api.post("api/v1/variables", json("TEAM_NAME", "payments-oncall", false)).status());
    assertEquals(409, api.post("api/v1/variables", json("TEAM_NAME", "x", false)).status());

    String variables = api.get("api/v1/variables").body();
    assertFalse(variables.contains(SECRET), "never returned: " + variables);
    assertTrue(variables.contains("payments-oncall"));
    JsonObject secret = api.get("api/v1/variables/PAGER_KEY").json();
    assertTrue(secret.getBoolean("locked"));
    assertTrue(secret.isNull("value"));

    ApiClient.Reply unlock = api.put("api/v1/variables/PAGER_KEY", "{\"locked\":false}");
    assertEquals(400, unlock.status());
    assertEquals(400, api.put("api/v1/variables/PAGER_KEY", "{\"value\":\"abc\"}").status(), "too short to redact");

    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      ApiClient.Reply created =
          api.post(
              "api/v1/alert-channels",
              Json.createObjectBuilder()
                  .add("name", "secret user")
                  .add("url", receiver.url("/v1/{{TEAM_NAME}}"))
                  .add("queryParameters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "token").add("value", "{{{PAGER_KEY}}}")))
                  .add("headers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "Authorization").add("value", "Token {{{PAGER_KEY}}}")))
                  .add("template", "{\"key\":\"{{{PAGER_KEY}}}\",\"escaped\":\"{{PAGER_KEY}}\",\"team\":\"{{TEAM_NAME}}\"}")
                  .build()
                  .toString());
      assertEquals(201, created.status(), created.body());
      String channelId = created.json().getString("id");

      ApiClient.Reply accepted = api.post("api/v1/alerts", "{\"ALERT_TYPE\":\"ALERT_FAILURE\",\"CHECK_ID\":\"secret-check\"}");
      assertEquals(202, accepted.status());
      LoopbackReceiver.Received request = receiver.await(1, Duration.ofSeconds(30)).get(0);
      assertEquals("/v1/payments-oncall?token=sk_live%204f9a%26Zq", request.path());
      assertEquals("Token " + SECRET, request.header("authorization"));
      assertEquals("{\"key\":\"sk_live 4f9a&Zq\",\"escaped\":\"sk_live 4f9a&amp;Zq\",\"team\":\"payments-oncall\"}", request.bodyText());

      String history = awaitFinished(api, channelId);
      assertFalse(history.contains("4f9a"), "the record never holds the secret: " + history);
      assertTrue(history.contains("{{PAGER_KEY}}"), history);
      assertTrue(history.contains("payments-oncall"), "plain variables stay visible");

      ApiClient.Reply preview =
          api.post(
              "api/v1/templates/preview",
              Json.createObjectBuilder()
                  .add("channelId", channelId)
                  .add("url", receiver.url("/p?k={{PAGER_KEY}}"))
                  .add("method", "POST")
                  .add("template", "{\"title\":\"{{ALERT_TITLE}}\",\"k\":\"{{PAGER_KEY}}\"}")
                  .add("alertType", "ALERT_RECOVERY")
                  .build()
                  .toString());
      assertEquals(200, preview.status(), preview.body());
      JsonObject shown = preview.json();
      assertTrue(shown.getBoolean("valid"), shown.toString());
      assertFalse(shown.toString().contains("4f9a"), shown.toString());
      assertTrue(shown.getJsonObject("request").getString("url").endsWith("/p?k={{PAGER_KEY}}"), shown.toString());
      assertEquals(
          "{\"title\":\"Check &quot;Checkout API&quot; has recovered\",\"k\":\"{{PAGER_KEY}}\"}",
          shown.getJsonObject("request").getString("body"));
      api.delete("api/v1/alert-channels/" + channelId);
    }
  }

  @Test
  void previewReportsTemplateErrorsWithTheirPosition() throws Exception {
    ApiClient api = new ApiClient(base);
    ApiClient.Reply preview =
        api.post(
            "api/v1/templates/preview",
            "{\"url\":\"http://127.0.0.1:9/\",\"template\":\"{\\n  \\\"a\\\": \\\"{{#each TAGS}}\\\"\\n}\"}");
    assertEquals(200, preview.status(), preview.body());
    JsonObject answer = preview.json();
    assertFalse(answer.getBoolean("valid"));
    JsonObject error = answer.getJsonArray("errors").getJsonObject(0);
    assertEquals("template", error.getString("field"));
    assertTrue(error.getInt("line") >= 1, error.toString());

    for (String type : new String[] {"ALERT_FAILURE", "ALERT_RECOVERY", "ALERT_DEGRADED", "ALERT_DEGRADED_RECOVERY", "ALERT_SSL", "REMINDER"}) {
      JsonObject ok =
          api.post(
                  "api/v1/templates/preview",
                  "{\"url\":\"http://127.0.0.1:9/\",\"alertType\":\"" + type + "\",\"template\":\"{{ALERT_TYPE}} {{IS_REMINDER}} {{SSL_DAYS_REMAINING}}\"}")
              .json();
      assertTrue(ok.getBoolean("valid"), ok.toString());
      assertEquals(0, ok.getJsonArray("warnings").size(), "every name is an event variable: " + ok);
      String body = ok.getJsonObject("request").getString("body");
      assertTrue(body.startsWith(type.equals("REMINDER") ? "ALERT_FAILURE true" : type + " false"), body);
    }
    JsonObject undefined =
        api.post("api/v1/templates/preview", "{\"url\":\"http://127.0.0.1:9/\",\"headers\":[{\"key\":\"Authorization\",\"value\":\"Bearer {{NEVER_DEFINED_TOKEN}}\"}],\"template\":\"{}\"}")
            .json();
    assertTrue(undefined.getBoolean("valid"), "a warning, not an error: " + undefined);
    assertEquals(1, undefined.getJsonArray("warnings").size(), undefined.toString());
    assertTrue(undefined.getJsonArray("warnings").getString(0).startsWith("NEVER_DEFINED_TOKEN is not defined"), undefined.toString());
    assertEquals(400, api.post("api/v1/templates/preview", "{\"url\":\"http://127.0.0.1:9/\",\"alertType\":\"NOPE\"}").status());
  }

  /**
   * A template whose error shows only when it renders ({{#if}} without an argument) used to pass Save and
   * then fail every real alert: Save now renders the draft for every sample alert type and refuses it, with
   * the field, line and column, and keeps what was stored.
   */
  @Test
  void saveRefusesATemplateThatFailsOnlyWhenItRenders() throws Exception {
    ApiClient api = new ApiClient(base);
    String good = "{\"t\":\"{{ALERT_TITLE}}\"}";
    ApiClient.Reply created = api.post("api/v1/alert-channels", Json.createObjectBuilder()
        .add("name", "renders " + System.nanoTime()).add("url", "http://127.0.0.1:9/").add("activated", false).add("template", good).build().toString());
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    for (String broken : new String[] {"{\n  \"a\": \"{{#if}}x{{/if}}\"\n}", "{{nosuchhelper ALERT_TITLE 1}}"}) {
      String body = Json.createObjectBuilder().add("name", "renders broken").add("url", "http://127.0.0.1:9/").add("template", broken).build().toString();
      ApiClient.Reply refused = api.post("api/v1/alert-channels", body);
      assertEquals(400, refused.status(), refused.body());
      JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
      assertEquals("template", error.getString("field"), refused.body());
      assertTrue(error.getInt("line") >= 1 && error.getInt("column") >= 1, refused.body());
      assertEquals(400, api.put("api/v1/alert-channels/" + id, body).status());
    }
    assertEquals(good, api.get("api/v1/alert-channels/" + id).json().getString("template"), "nothing stored was lost");
    String crlf = Json.createObjectBuilder().add("name", "renders crlf").add("url", "http://127.0.0.1:9/").add("activated", false)
        .add("template", "{\r\n  \"a\": 1\r\n}").build().toString();
    assertEquals(200, api.put("api/v1/alert-channels/" + id, crlf).status());
    assertEquals("{\n  \"a\": 1\n}", api.get("api/v1/alert-channels/" + id).json().getString("template"), "stored with LF, as typed");
    api.delete("api/v1/alert-channels/" + id);
  }

  /** What scripts/bad-input.sh found answered 500 or was taken in, refused as a clear problem instead. */
  @Test
  void hostileBodiesAndRunawayTemplatesAreClearProblems() throws Exception {
    ApiClient api = new ApiClient(base);
    ApiClient.Reply deep = api.post("api/v1/alerts", "{\"X\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
    assertEquals(400, deep.status(), deep.body());
    assertEquals("application/problem+json", deep.contentType());

    byte[] twoMiB = ("{\"PAD\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals(413, api.postBytes("api/v1/alerts", twoMiB, true).status(), "chunked, no Content-Length");

    byte[] notUtf8 = {'{', '"', 'A', '"', ':', '"', (byte) 0xff, '"', '}'};
    assertEquals(400, api.postBytes("api/v1/alerts", notUtf8, false).status());

    api.delete("api/v1/variables/LOOP_LIST");
    assertEquals(201, api.post("api/v1/variables", json("LOOP_LIST", "i,".repeat(4_999) + "i", false)).status());
    String loop = "{{#each (split LOOP_LIST \\\",\\\" -1)}}{{#each (split @root.LOOP_LIST \\\",\\\" -1)}}"
        + "{{#each (split @root.LOOP_LIST \\\",\\\" -1)}}{{this}}{{/each}}{{/each}}{{/each}}";
    long started = System.nanoTime();
    JsonObject preview = api.post("api/v1/templates/preview", "{\"url\":\"http://127.0.0.1:9/\",\"template\":\"" + loop + "\"}").json();
    assertFalse(preview.getBoolean("valid"), preview.toString());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30, "answered in seconds, not hours");
    api.delete("api/v1/variables/LOOP_LIST");
  }

  private static String json(String key, String value, boolean locked) {
    return Json.createObjectBuilder().add("key", key).add("value", value).add("locked", locked).build().toString();
  }

  private static String awaitFinished(ApiClient api, String channelId) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      JsonObject page = api.get("api/v1/deliveries?channelId=" + channelId).json();
      if (!page.getJsonArray("items").isEmpty()
          && "SUCCEEDED".equals(page.getJsonArray("items").getJsonObject(0).getString("status"))) {
        String id = page.getJsonArray("items").getJsonObject(0).getString("id");
        return api.get("api/v1/deliveries/" + id).body();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no finished delivery for " + channelId);
  }
}
