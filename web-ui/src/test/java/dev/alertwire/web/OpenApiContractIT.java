package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's contract: /openapi (JSON) describes every operation the app serves, and each real answer of
 * each operation, refusals included, is valid against the schema the document gives for its path, method
 * and status. The roles each operation lists (x-roles) are tried for real with viewer and ingest tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiContractIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** What every operation must document besides its success, and the test must see at least once. */
  private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 409, 413, 429);

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  /** One call made through the contract: what was sent and what came back. */
  private record Exchange(String method, String template, String path, String body, int status) {
    String operation() {
      return method + " " + template;
    }
  }

  private OpenApiDocument doc;
  private ApiClient admin;
  private final List<Exchange> exchanges = new ArrayList<>();

  @Test
  void everyOperationTheAppServesIsDescribedWithSchemas() throws Exception {
    OpenApiDocument document = fetchDocument();
    Map<String, Boolean> servedWithBody = servedOperations();
    Set<String> served = servedWithBody.keySet();
    assertTrue(served.size() > 30, "found the JAX-RS methods in target/classes: " + served);
    Set<String> missing = new TreeSet<>(served);
    missing.removeAll(document.operations());
    assertTrue(
        missing.isEmpty(),
        "The app serves these operations but /openapi does not describe them; add each to"
            + " dev.alertwire.web.api.ApiContract with its request and response schemas and roles: " + missing);
    Set<String> extra = new TreeSet<>(document.operations());
    extra.removeAll(served);
    assertTrue(extra.isEmpty(), "/openapi describes operations no resource serves: " + extra);

    List<String> problems = new ArrayList<>();
    for (String operation : document.operations()) {
      String[] parts = operation.split(" ", 2);
      JsonObject op = document.operation(parts[0], parts[1]).orElseThrow();
      JsonValue roles = op.get("x-roles");
      if (!(roles instanceof JsonArray array) || array.isEmpty()) {
        problems.add(operation + ": no x-roles");
      }
      boolean success = false;
      for (String status : op.getJsonObject("responses").keySet()) {
        JsonObject response = document.resolve(op.getJsonObject("responses").getJsonObject(status));
        if (status.startsWith("2")) {
          success = true;
        }
        if (status.equals("204")) {
          continue;
        }
        JsonObject content = response.getJsonObject("content");
        if (content == null || content.isEmpty()) {
          problems.add(operation + " " + status + ": no content schema");
          continue;
        }
        content.forEach((mediaType, media) -> {
          JsonObject schema = media.asJsonObject().getJsonObject("schema");
          JsonObject resolved = schema == null ? null : document.resolve(schema);
          if (resolved == null || !(resolved.containsKey("type") || resolved.containsKey("oneOf"))) {
            problems.add(operation + " " + status + " " + mediaType + ": the schema describes nothing");
          } else if ("string".equals(resolved.getString("type", "")) != mediaType.equals("text/plain")) {
            problems.add(operation + " " + status + " " + mediaType + ": JSON bodies have JSON schemas, text/plain (the Prometheus scrape) a string");
          }
          if (status.startsWith("2") != (mediaType.equals("application/json") || mediaType.equals("text/plain"))) {
            problems.add(operation + " " + status + ": " + mediaType + " (answers are application/json, refusals application/problem+json)");
          }
        });
      }
      if (!success) {
        problems.add(operation + ": no success response");
      }
      for (int refusal : List.of(401, 403, 429)) {
        if (document.response(op, refusal).isEmpty()) {
          problems.add(operation + ": does not document " + refusal);
        }
      }
      if (servedWithBody.get(operation) && (!op.containsKey("requestBody") || document.resolve(op.getJsonObject("requestBody")).getJsonObject("content") == null)) {
        problems.add(operation + ": no request body schema");
      }
    }
    assertTrue(problems.isEmpty(), "Incomplete operations in /openapi:\n" + String.join("\n", problems));
    JsonObject bearer = document.json().getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer");
    assertEquals("http", bearer.getString("type"));
    assertEquals("bearer", bearer.getString("scheme"));
    assertTrue(document.json().getJsonArray("security").toString().contains("bearer"), "every operation needs the bearer token");
  }

  @Test
  void everyAnswerMatchesTheDocument() throws Exception {
    doc = fetchDocument();
    admin = new ApiClient(base);
    String s = UUID.randomUUID().toString().substring(0, 8);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      // Groups and their variables.
      String groupId = call("POST", "api/v1/check-groups", "{\"name\":\"Contract group " + s + "\",\"tags\":[\"contract\"]}", 201).getString("id");
      call("GET", "api/v1/check-groups", null, 200);
      call("GET", "api/v1/check-groups/" + groupId, null, 200);
      call("PUT", "api/v1/check-groups/" + groupId, "{\"reminderAmount\":1,\"reminderIntervalMinutes\":5}", 200);
      String groupVariables = "api/v1/check-groups/" + groupId + "/variables";
      String groupKey = "GROUP_" + s.toUpperCase(Locale.ROOT).replace('-', '_');
      call("POST", groupVariables, "{\"key\":\"" + groupKey + "\",\"value\":\"g1\"}", 201);
      call("POST", groupVariables, "{\"key\":\"" + groupKey + "\",\"value\":\"g2\"}", 409);
      call("POST", groupVariables, "{\"key\":\"" + groupKey + "_SECRET\",\"value\":\"group-secret-value\",\"locked\":true}", 201);
      call("GET", groupVariables, null, 200);
      call("PUT", groupVariables + "/" + groupKey, "{\"value\":\"g3\"}", 200);

      // Checks, one in the group.
      String checkId =
          call("POST", "api/v1/checks", "{\"name\":\"Contract check " + s + "\",\"checkType\":\"API\",\"groupId\":\"" + groupId + "\",\"tags\":[\"prod\"]}", 201)
              .getString("id");
      call("GET", "api/v1/checks", null, 200);
      call("GET", "api/v1/checks/" + checkId, null, 200);
      call("PUT", "api/v1/checks/" + checkId, "{\"description\":\"checked by the contract test\"}", 200);

      // Global variables, plain and secret.
      String key = "CONTRACT_" + s.toUpperCase(Locale.ROOT);
      call("POST", "api/v1/variables", "{\"key\":\"" + key + "\",\"value\":\"plain\"}", 201);
      call("POST", "api/v1/variables", "{\"key\":\"" + key + "_SECRET\",\"value\":\"a-secret-value\",\"locked\":true}", 201);
      call("POST", "api/v1/variables", "{\"key\":\"" + key + "\",\"value\":\"again\"}", 409);
      call("GET", "api/v1/variables", null, 200);
      assertEquals(JsonValue.NULL, call("GET", "api/v1/variables/" + key + "_SECRET", null, 200).get("value"));
      call("PUT", "api/v1/variables/" + key, "{\"value\":\"changed\"}", 200);

      // Channels: one that answers (with a locked header), one that generates its secret and is refused.
      String channelId =
          call(
                  "POST",
                  "api/v1/alert-channels",
                  "{\"name\":\"Contract " + s + "\",\"url\":\"" + receiver.url("/hook") + "\",\"headers\":[{\"key\":\"Authorization\",\"value\":\"Bearer t-1\",\"locked\":true},"
                      + "{\"key\":\"X-Team\",\"value\":\"ops\"}],\"queryParameters\":[{\"key\":\"q\",\"value\":\"1\"}],\"webhookSecret\":\"contract-webhook-secret\","
                      + "\"rateLimitPerMinute\":600,\"subscriptions\":[{\"checkId\":\"" + checkId + "\",\"activated\":true},{\"groupId\":\"" + groupId + "\"}]}",
                  201)
              .getString("id");
      String refusedId;
      String waitingId;
      try (var closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        refusedId =
            call(
                    "POST",
                    "api/v1/alert-channels",
                    "{\"name\":\"Contract refused " + s + "\",\"url\":\"http://127.0.0.1:" + closed.getLocalPort() + "/gone\",\"signatureScheme\":\"STANDARD_WEBHOOKS\",\"maxRetries\":0}",
                    201)
                .getString("id");
        // Refused too, but its retry is an hour away: a delivery that is certain to be waiting when it is cancelled.
        waitingId =
            call(
                    "POST",
                    "api/v1/alert-channels",
                    "{\"name\":\"Contract waiting " + s + "\",\"url\":\"http://127.0.0.1:" + closed.getLocalPort() + "/later\",\"maxRetries\":1,\"retryDelayMs\":3600000}",
                    201)
                .getString("id");
      }
      call("GET", "api/v1/alert-channels", null, 200);
      call("GET", "api/v1/alert-channels/" + channelId, null, 200);
      JsonObject rotated =
          call("PUT", "api/v1/alert-channels/" + refusedId, "{\"name\":\"Contract refused " + s + "\",\"url\":\"http://127.0.0.1:9/gone\",\"rotateWebhookSecret\":true,\"maxRetries\":0}", 200);
      assertTrue(rotated.containsKey("generatedWebhookSecret"), "a rotated secret is shown once: " + rotated);

      // Previews: a good draft, and a template error as the answer.
      call("POST", "api/v1/templates/preview", "{\"alertType\":\"ALERT_FAILURE\",\"url\":\"" + receiver.url("/p") + "\",\"template\":\"{\\\"t\\\":\\\"{{ALERT_TITLE}}\\\"}\"}", 200);
      JsonObject broken = call("POST", "api/v1/templates/preview", "{\"channelId\":\"" + channelId + "\",\"template\":\"{{#if}}\"}", 200);
      assertFalse(broken.getBoolean("valid"), broken.toString());

      // Results and alerts, then the delivery record they leave.
      call("POST", "api/v1/check-results", "{\"check\":{\"id\":\"" + checkId + "\"},\"hasFailures\":true,\"responseTime\":12.5,\"startedAt\":\"" + Instant.now() + "\"}", 202);
      call("POST", "api/v1/check-results", "{\"check\":{\"name\":\"Contract registered " + s + "\",\"groupName\":\"Contract group " + s + "\"},\"hasFailures\":false}", 202);
      call("POST", "api/v1/alerts", "{\"ALERT_TYPE\":\"ALERT_FAILURE\",\"ALERT_TITLE\":\"contract\",\"CHECK_ID\":\"" + checkId + "\",\"NOT_A_VARIABLE_" + s.toUpperCase(Locale.ROOT) + "\":\"x\"}", 202);
      // Alertmanager's and Grafana's payloads (issue 16), and a channel routed by a label.
      String labelled = call("POST", "api/v1/alert-channels", "{\"name\":\"Contract label " + s + "\",\"url\":\"http://127.0.0.1:9/label\",\"activated\":false,"
          + "\"subscriptions\":[{\"label\":\"team=contract\"}]}", 201).getString("id");
      call("GET", "api/v1/alert-channels/" + labelled, null, 200);
      String amAlert = "{\"status\":\"firing\",\"labels\":{\"alertname\":\"Contract\",\"team\":\"contract\"},\"annotations\":{\"summary\":\"contract\"},"
          + "\"startsAt\":\"2026-06-15T12:00:00.5+02:00\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\"contract-" + s + "\"}";
      call("POST", "api/v1/sources/alertmanager", "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[" + amAlert + "]}", 202);
      call("POST", "api/v1/sources/grafana", "{\"version\":\"1\",\"orgId\":1,\"state\":\"alerting\",\"alerts\":[" + amAlert + "]}", 202);
      callUnchecked("POST", "api/v1/sources/alertmanager", "{\"alerts\":[{\"status\":\"burning\"}]}", 400);
      receiver.await(1, WAIT);
      String sent = finished(channelId, "SUCCEEDED");
      String failed = finished(refusedId, "FAILED");
      JsonObject failedDetail = call("GET", "api/v1/deliveries/" + failed, null, 200);
      assertEquals(JsonValue.NULL, failedDetail.getJsonArray("attempts").getJsonObject(0).get("response"), "no answer came: " + failedDetail);
      call("GET", "api/v1/deliveries?channelId=" + channelId + "&status=succeeded&from=2020-01-01T00:00:00Z&page=1&size=10", null, 200);
      call("GET", "api/v1/deliveries?status=lost", null, 400);
      call("GET", "api/v1/deliveries?page=0", null, 400);
      String again = call("POST", "api/v1/deliveries/" + sent + "/redeliver", null, 201).getString("id");
      call("POST", "api/v1/deliveries/" + again + "/cancel", null, 200, 400);
      String waiting = finished(waitingId, "RETRYING");
      JsonObject cancelled = call("POST", "api/v1/deliveries/" + waiting + "/cancel", null, 200);
      assertEquals("CANCELLED", cancelled.getString("status"), cancelled.toString());
      call("PUT", "api/v1/alert-channels/" + waitingId, "{\"name\":\"Contract waiting " + s + "\",\"url\":\"http://127.0.0.1:9/later\",\"activated\":false}", 200);
      call("POST", "api/v1/deliveries/" + sent + "/cancel", null, 400);

      // Tokens, the audit log, export and import.
      call("GET", "api/v1/api-tokens", null, 200);
      String viewer = call("POST", "api/v1/api-tokens", "{\"name\":\"contract viewer " + s + "\",\"role\":\"viewer\"}", 201).getString("token");
      String ingest = call("POST", "api/v1/api-tokens", "{\"name\":\"contract ingest " + s + "\",\"role\":\"ingest\"}", 201).getString("token");
      String throwaway = call("POST", "api/v1/api-tokens", "{\"name\":\"contract throwaway " + s + "\",\"role\":\"admin\"}", 201).getString("id");
      call("DELETE", "api/v1/api-tokens/" + throwaway, null, 204);
      call("DELETE", "api/v1/api-tokens/" + throwaway, null, 404);
      call("GET", "api/v1/audit", null, 200);
      call("GET", "api/v1/metrics", null, 200);
      call("GET", "api/v1/audit?actor=admin&page=1&size=5", null, 200);
      call("GET", "api/v1/audit?page=first", null, 400);
      JsonObject exported = call("GET", "api/v1/export", null, 200);
      call("POST", "api/v1/import?dryRun=true", exported.toString(), 200);
      call("POST", "api/v1/import", "{\"variables\":[{\"key\":\"IMPORTED_" + s.toUpperCase(Locale.ROOT) + "\",\"value\":\"v\"}]}", 200);
      String hosted =
          "{\"alertChannels\":[{\"id\":1,\"type\":\"WEBHOOK\",\"config\":{\"name\":\"hosted " + s + "\",\"url\":\"http://127.0.0.1:9/hosted\",\"method\":\"POST\",\"template\":\"{\\\"t\\\":\\\"{{ALERT_TITLE}}\\\"}\"}},"
              + "{\"id\":2,\"type\":\"EMAIL\",\"config\":{\"address\":\"a@b.c\"}}],"
              + "\"variables\":[{\"key\":\"HOSTED_" + s.toUpperCase(Locale.ROOT) + "\",\"value\":\"\",\"locked\":true,\"secret\":true}]}";
      call("POST", "api/v1/import/checkly", hosted, 200);
      call("POST", "api/v1/import/checkly?dryRun=false", hosted, 400);
      call("POST", "api/v1/import/checkly?dryRun=false", "{\"alertChannels\":" + hosted.substring(hosted.indexOf('[', 0), hosted.indexOf("],") + 1) + "}", 200);

      // Each role the document lists may make the call; any other gets 403; no token gets 401.
      rolesAsDocumented(Map.of("viewer", viewer, "ingest", ingest));

      // Refusals.
      for (String missing : List.of("alert-channels/nope", "checks/nope", "check-groups/nope", "check-groups/nope/variables", "variables/NOPE", "deliveries/nope")) {
        call("GET", "api/v1/" + missing, null, 404);
      }
      call("PUT", "api/v1/alert-channels/nope", "{\"name\":\"n\",\"url\":\"http://127.0.0.1:9/\"}", 404);
      call("PUT", "api/v1/check-groups/" + groupId + "/variables/NOPE", "{\"value\":\"v\"}", 404);
      call("POST", "api/v1/deliveries/nope/redeliver", null, 404);
      call("POST", "api/v1/check-results", "{\"check\":{\"id\":\"nope\"},\"hasFailures\":true}", 404);
      callUnchecked("POST", "api/v1/check-results", "{\"check\":{\"id\":\"" + checkId + "\"}}", 400);
      call("POST", "api/v1/alert-channels", "{\"name\":\"\",\"url\":\"ftp://127.0.0.1/\",\"maxRetries\":-1}", 400);
      callUnchecked("PUT", "api/v1/checks/" + checkId, "{\"escalationType\":\"SOMETIMES\"}", 400);
      callUnchecked("POST", "api/v1/api-tokens", "{\"name\":\"x\",\"role\":\"owner\"}", 400);
      callUnchecked("POST", "api/v1/alert-channels", "[1,2]", 400);
      callUnchecked("POST", "api/v1/variables", "{\"key\": ", 400);
      callUnchecked("POST", "api/v1/alerts", "{\"x\":\"" + "a".repeat(1_100_000) + "\"}", 413);

      // Deleting, last: everything made above goes.
      call("DELETE", groupVariables + "/" + groupKey, null, 204);
      call("DELETE", groupVariables + "/" + groupKey, null, 404);
      call("DELETE", "api/v1/variables/" + key, null, 204);
      call("DELETE", "api/v1/variables/" + key, null, 404);
      call("DELETE", "api/v1/alert-channels/" + channelId, null, 204);
      call("DELETE", "api/v1/alert-channels/" + refusedId, null, 204);
      call("DELETE", "api/v1/alert-channels/" + refusedId, null, 404);
      call("DELETE", "api/v1/checks/" + checkId, null, 204);
      call("DELETE", "api/v1/checks/" + checkId, null, 404);
      call("DELETE", "api/v1/check-groups/" + groupId, null, 204);
      call("DELETE", "api/v1/check-groups/" + groupId, null, 404);

      // Too many wrong tokens: the address waits (last, since it holds every call from here for seconds).
      ApiClient wrong = admin.as("contract-wrong-token-" + s);
      for (int i = 0; i < 40 && exchanges.stream().noneMatch(e -> e.status() == 429); i++) {
        exchange(wrong, "GET", "api/v1/checks", null, true, 401, 429);
      }
    }

    Set<String> succeeded = exchanges.stream().filter(e -> e.status() / 100 == 2).map(Exchange::operation).collect(Collectors.toCollection(TreeSet::new));
    Set<String> untried = new TreeSet<>(doc.operations());
    untried.removeAll(succeeded);
    assertTrue(untried.isEmpty(), "Operations in /openapi this test never called successfully (add them here): " + untried);
    Set<Integer> refusals = exchanges.stream().map(Exchange::status).filter(REFUSALS::contains).collect(Collectors.toSet());
    assertEquals(REFUSALS, refusals, "every kind of refusal was checked against the document");
  }

  // ------------------------------------------------------------------------------------------- helpers

  private OpenApiDocument fetchDocument() throws IOException, InterruptedException {
    ApiClient.Reply reply = new ApiClient(base, null).get("/openapi?format=JSON");
    assertEquals(200, reply.status(), reply.body());
    try (var reader = Json.createReader(new StringReader(reply.body()))) {
      return new OpenApiDocument(reader.readObject());
    }
  }

  /** As admin; the answer's status must be one of {@code expected} and its body match the document. */
  private JsonObject call(String method, String path, String body, int... expected) throws Exception {
    ApiClient.Reply reply = exchange(admin, method, path, body, true, expected);
    return reply.body().isEmpty() || !reply.body().startsWith("{") ? JsonValue.EMPTY_JSON_OBJECT : reply.json();
  }

  /** A request that is not meant to match the document's request schema (malformed on purpose). */
  private void callUnchecked(String method, String path, String body, int expected) throws Exception {
    exchange(admin, method, path, body, false, expected);
  }

  private ApiClient.Reply exchange(ApiClient client, String method, String path, String body, boolean checkRequest, int... expected) throws Exception {
    String plainPath = "/" + (path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
    String template = doc.template(plainPath).orElseThrow(() -> new AssertionError(plainPath + " matches no path in /openapi"));
    String operation = method + " " + template;
    JsonObject op = doc.operation(method, template).orElseThrow(() -> new AssertionError(operation + " is not in /openapi"));
    if (body != null && checkRequest) {
      JsonObject requestBody = op.containsKey("requestBody") ? doc.resolve(op.getJsonObject("requestBody")) : JsonValue.EMPTY_JSON_OBJECT;
      JsonObject content = requestBody.containsKey("content") ? requestBody.getJsonObject("content") : JsonValue.EMPTY_JSON_OBJECT;
      JsonObject media = content.getJsonObject("application/json");
      assertTrue(media != null && media.containsKey("schema"), operation + " takes a JSON body; /openapi documents " + content.keySet() + " for it");
      JsonObject schema = media.getJsonObject("schema");
      List<String> errors = doc.validate(parse(body), schema);
      assertTrue(errors.isEmpty(), operation + ": the request the test sends does not match the document's request schema: " + errors);
    }
    ApiClient.Reply reply =
        switch (method) {
          case "GET" -> client.get(path);
          case "POST" -> client.post(path, body == null ? "" : body);
          case "PUT" -> client.put(path, body);
          case "DELETE" -> client.delete(path);
          default -> throw new IllegalArgumentException(method);
        };
    boolean wanted = false;
    for (int e : expected) {
      wanted |= e == reply.status();
    }
    assertTrue(wanted, operation + " (" + path + ") answered " + reply.status() + ", expected " + java.util.Arrays.toString(expected) + ": " + reply.body());
    checkAnswer(operation, op, reply);
    exchanges.add(new Exchange(method, template, path, body, reply.status()));
    return reply;
  }

  private void checkAnswer(String operation, JsonObject op, ApiClient.Reply reply) {
    JsonObject response =
        doc.response(op, reply.status())
            .orElseThrow(() -> new AssertionError(operation + " answered " + reply.status() + ", which /openapi does not list for it: " + reply.body()));
    JsonObject content = response.getJsonObject("content");
    if (reply.status() == 204) {
      assertTrue(reply.body().isEmpty(), operation + " 204 has a body");
      assertTrue(content == null || content.isEmpty(), operation + " 204 documents a body");
      return;
    }
    assertNotNull(content, operation + " " + reply.status() + " documents no body, but the answer has one: " + reply.body());
    String mediaType = reply.contentType().split(";")[0].trim();
    assertTrue(
        content.containsKey(mediaType),
        operation + " " + reply.status() + " answered " + mediaType + "; /openapi documents " + content.keySet());
    JsonObject schema = content.getJsonObject(mediaType).getJsonObject("schema");
    assertNotNull(schema, operation + " " + reply.status() + " " + mediaType + " has no schema");
    if (mediaType.equals("text/plain")) {
      assertEquals("string", doc.resolve(schema).getString("type", ""), operation + ": text/plain is documented as a string");
      assertFalse(reply.body().isBlank(), operation + " answered an empty text");
      return;
    }
    List<String> errors = doc.validate(parse(reply.body()), schema);
    assertTrue(
        errors.isEmpty(),
        operation + " " + reply.status() + ": the answer does not match /openapi:\n  " + String.join("\n  ", errors) + "\nanswer: " + abbreviate(reply.body()));
  }

  /**
   * Replays the first successful admin call of each operation without a token (401), and with each other
   * role: 403 unless the operation lists the role in x-roles, else not refused.
   */
  private void rolesAsDocumented(Map<String, String> tokens) throws Exception {
    Map<String, Exchange> first = new LinkedHashMap<>();
    exchanges.stream().filter(e -> e.status() / 100 == 2).forEach(e -> first.putIfAbsent(e.operation(), e));
    ApiClient anonymous = admin.as(null);
    Map<String, String> mismatches = new TreeMap<>();
    for (Exchange e : first.values()) {
      exchange(anonymous, e.method(), e.path(), e.body(), false, 401);
      List<String> roles =
          doc.operation(e.method(), e.template()).orElseThrow().getJsonArray("x-roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
      for (var role : tokens.entrySet()) {
        boolean allowed = roles.contains(role.getKey());
        ApiClient client = admin.as(role.getValue());
        ApiClient.Reply reply;
        try {
          reply = exchange(client, e.method(), e.path(), e.body(), false, allowed ? allButRefusals() : new int[] {403});
        } catch (AssertionError refused) {
          mismatches.put(e.operation() + " as " + role.getKey(), (allowed ? "x-roles lists it, " : "x-roles does not list it, ") + refused.getMessage());
          continue;
        }
        if (allowed && (reply.status() == 401 || reply.status() == 403)) {
          mismatches.put(e.operation() + " as " + role.getKey(), "refused although x-roles lists it");
        }
      }
    }
    assertTrue(mismatches.isEmpty(), "x-roles differ from what the app allows:\n" + mismatches.entrySet().stream().map(Object::toString).collect(Collectors.joining("\n")));
  }

  private static int[] allButRefusals() {
    return java.util.stream.IntStream.range(200, 600).filter(s -> s != 401 && s != 403).toArray();
  }

  /** Waits for a delivery of this channel to reach {@code status}; its id. */
  private String finished(String channelId, String status) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonArray items = call("GET", "api/v1/deliveries?channelId=" + channelId, null, 200).getJsonArray("items");
      for (JsonValue item : items) {
        if (item.asJsonObject().getString("status").equals(status)) {
          String id = item.asJsonObject().getString("id");
          call("GET", "api/v1/deliveries/" + id, null, 200);
          return id;
        }
      }
      Thread.sleep(300);
    }
    fail("no " + status + " delivery for channel " + channelId + " within " + WAIT);
    return null;
  }

  /**
   * What the app serves: every resource method of every JAX-RS class the WAR's classes hold, as
   * "METHOD /api/path/{param}" (regular expressions in templates dropped), and whether it reads a body
   * (a parameter without a JAX-RS annotation).
   */
  static Map<String, Boolean> servedOperations() throws IOException, ClassNotFoundException {
    java.nio.file.Path classes = Paths.get("target/classes");
    List<String> names;
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      names =
          files.map(p -> classes.relativize(p).toString())
              .filter(p -> p.endsWith(".class") && !p.contains("$"))
              .map(p -> p.substring(0, p.length() - ".class".length()).replace(File.separatorChar, '.'))
              .toList();
    }
    ClassLoader loader = OpenApiContractIT.class.getClassLoader();
    String application = null;
    List<Class<?>> resources = new ArrayList<>();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, loader);
      if (type.isAnnotationPresent(ApplicationPath.class)) {
        assertTrue(application == null, "servedOperations knows one JAX-RS application; found a second in " + name);
        application = type.getAnnotation(ApplicationPath.class).value();
      }
      if (type.isAnnotationPresent(Path.class)) {
        resources.add(type);
      }
    }
    assertNotNull(application, "an @ApplicationPath class in target/classes");
    Map<String, Boolean> operations = new TreeMap<>();
    for (Class<?> resource : resources) {
      String root = join(application, resource.getAnnotation(Path.class).value());
      for (Method m : resource.getMethods()) {
        for (Annotation a : m.getAnnotations()) {
          HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
          if (http != null) {
            Path sub = m.getAnnotation(Path.class);
            boolean body = java.util.Arrays.stream(m.getParameterAnnotations()).anyMatch(annotations -> annotations.length == 0);
            operations.put(http.value() + " " + (sub == null ? root : join(root, sub.value())), body);
          }
        }
      }
    }
    return operations;
  }

  private static String join(String a, String b) {
    String path = ("/" + a + "/" + b).replaceAll("/+", "/").replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static JsonValue parse(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }
}
