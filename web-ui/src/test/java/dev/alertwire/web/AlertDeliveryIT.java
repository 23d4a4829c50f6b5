package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.signing.ChecklySignature;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole path on Payara Micro: REST API, database, timer-driven dispatcher, a real HTTP receiver on
 * loopback. The deployment is the WAR that ships, unchanged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlertDeliveryIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  @Test
  void alertTravelsFromApiToReceiverSignedAndRecorded() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject channel =
          createChannel(
              api,
              channelJson("signed", receiver.url("/hook"))
                  .add("webhookSecret", "my-webhook-secret")
                  .add(
                      "headers",
                      Json.createArrayBuilder()
                          .add(Json.createObjectBuilder().add("key", "Authorization").add("value", "Bearer tok-9f8e7d6c").add("locked", true))
                          .add(Json.createObjectBuilder().add("key", "X-Team").add("value", "{{TEAM}}"))));
      assertTrue(channel.getBoolean("webhookSecretSet"));
      assertFalse(channel.toString().contains("my-webhook-secret"), "the API never returns the webhook secret");
      assertFalse(channel.toString().contains("tok-9f8e7d6c"), "the API never returns a locked header value");

      Instant before = Instant.now();
      ApiClient.Reply accepted =
          api.post(
              "api/v1/alerts",
              Json.createObjectBuilder()
                  .add("ALERT_TYPE", "ALERT_FAILURE")
                  .add("ALERT_TITLE", "Check \"My API check\" has failed")
                  .add("CHECK_ID", "check-1")
                  .add("TEAM", "payments")
                  .add("TAGS", Json.createArrayBuilder().add("prod").add("P1"))
                  .build()
                  .toString());
      assertEquals(202, accepted.status(), accepted.body());
      String deliveryId = deliveryFor(accepted.json(), api, channel.getString("id"));

      LoopbackReceiver.Received request = receiver.await(1, WAIT).get(0);
      String expectedBody = "{\"title\":\"Check &quot;My API check&quot; has failed\",\"tags\":[\"prod\",\"P1\"]}";
      assertEquals("POST", request.method());
      assertEquals("/hook", request.path());
      assertEquals(expectedBody, request.bodyText());
      assertEquals(ChecklySignature.sign("my-webhook-secret", request.body()), request.header("x-checkly-signature"));
      assertEquals("Bearer tok-9f8e7d6c", request.header("authorization"));
      assertEquals("payments", request.header("x-team"));
      assertEquals("application/json", request.header("content-type"));
      assertEquals(deliveryId, request.header("x-alertwire-delivery-id"));
      long timestamp = Long.parseLong(request.header("x-checkly-timestamp"));
      assertTrue(timestamp >= before.toEpochMilli() - 1000 && timestamp <= Instant.now().toEpochMilli(), "alert time in ms");

      JsonObject detail = awaitStatus(api, deliveryId, "SUCCEEDED");
      JsonArray attempts = detail.getJsonArray("attempts");
      assertEquals(1, attempts.size());
      JsonObject attempt = attempts.getJsonObject(0);
      assertEquals(200, attempt.getJsonObject("response").getInt("status"));
      assertEquals(expectedBody, attempt.getJsonObject("request").getString("body"));
      String recorded = detail.toString();
      assertFalse(recorded.contains("tok-9f8e7d6c"), "history redacts locked header values: " + recorded);
      assertTrue(recorded.contains("********"));

      ApiClient.Reply list = api.get("api/v1/deliveries?channelId=" + channel.getString("id"));
      JsonObject first = list.json().getJsonArray("items").getJsonObject(0);
      assertEquals(deliveryId, first.getString("id"));
      assertEquals("SUCCEEDED", first.getString("status"));
      assertEquals(1, first.getInt("attemptCount"));
      api.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  @Test
  void alertWithoutCheckToAChannelThatKeepsOlderRetriesIsStoredAndSent() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject channel = createChannel(api, channelJson("no supersede", receiver.url("/plain")).add("supersedeOlder", false));
      for (String alert : List.of("{\"ALERT_TYPE\":\"ALERT_FAILURE\"}", "{\"ALERT_TITLE\":\"x\",\"CHECK_ID\":\"c-9\"}")) {
        ApiClient.Reply accepted = api.post("api/v1/alerts", alert);
        assertEquals(202, accepted.status(), accepted.body());
      }
      assertEquals(2, receiver.await(2, WAIT).size());
      api.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  @Test
  void everyPageOfAFilteredHistoryHoldsTheNewestFirstRowsWhicheverEndItIsReadFrom() throws Exception {
    // Pages past the middle are read oldest first and turned round (NewestFirstPage); pages of 2 over 7 and 5
    // deliveries read both ways, a short last page included, and must give the whole list in its order.
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      receiver.answer(500);
      receiver.answer(500);
      JsonObject channel = createChannel(api, channelJson("paged", receiver.url("/paged")).add("maxRetries", 0).add("supersedeOlder", false));
      String channelId = channel.getString("id");
      for (int i = 0; i < 7; i++) {
        postAlert(api, "paged-" + i);
      }
      receiver.await(7, WAIT);
      String byChannel = "api/v1/deliveries?channelId=" + channelId;
      awaitTotal(api, byChannel + "&status=failed", 2);
      awaitTotal(api, byChannel + "&status=succeeded", 5);
      for (String filter : List.of(byChannel, byChannel + "&status=succeeded")) {
        JsonArray all = api.get(filter + "&size=50").json().getJsonArray("items");
        List<String> whole = all.getValuesAs(JsonObject.class).stream().map(d -> d.getString("id")).toList();
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 1; page <= (whole.size() + 1) / 2; page++) {
          JsonObject reply = api.get(filter + "&size=2&page=" + page).json();
          assertEquals(whole.size(), reply.getInt("total"), filter);
          reply.getJsonArray("items").getValuesAs(JsonObject.class).forEach(d -> paged.add(d.getString("id")));
        }
        assertEquals(whole, paged, filter + ": the pages of 2, in turn, are the list");
        List<String> created = all.getValuesAs(JsonObject.class).stream().map(d -> d.getString("created")).toList();
        List<String> newestFirst = new java.util.ArrayList<>(created);
        newestFirst.sort(java.util.Comparator.comparing(Instant::parse).reversed());
        assertEquals(newestFirst, created, "the list is newest first");
      }
      api.delete("api/v1/alert-channels/" + channelId);
    }
  }

  @Test
  void failingReceiverIsRetriedUntilItAnswers() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      receiver.answer(503);
      receiver.answer(500);
      JsonObject channel =
          createChannel(api, channelJson("flaky", receiver.url("/flaky")).add("retryDelayMs", 300).add("maxRetries", 3));
      String deliveryId = deliveryFor(postAlert(api, "check-2"), api, channel.getString("id"));

      List<LoopbackReceiver.Received> requests = receiver.await(3, WAIT);
      assertEquals(3, requests.size());
      requests.forEach(r -> assertEquals(deliveryId, r.header("x-alertwire-delivery-id"), "same id on every retry"));
      JsonObject detail = awaitStatus(api, deliveryId, "SUCCEEDED");
      JsonArray attempts = detail.getJsonArray("attempts");
      assertEquals(503, attempts.getJsonObject(0).getJsonObject("response").getInt("status"));
      assertNotNull(attempts.getJsonObject(0).getString("nextAttemptAt"));
      assertEquals(500, attempts.getJsonObject(1).getJsonObject("response").getInt("status"));
      assertEquals(200, attempts.getJsonObject(2).getJsonObject("response").getInt("status"));
      api.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  @Test
  void goneReceiverIsNotRetriedAndFlagsTheChannel() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      receiver.answer(410);
      JsonObject channel = createChannel(api, channelJson("gone", receiver.url("/gone")).add("retryDelayMs", 100));
      String deliveryId = deliveryFor(postAlert(api, "check-3"), api, channel.getString("id"));
      JsonObject detail = awaitStatus(api, deliveryId, "FAILED");
      assertEquals(1, detail.getJsonArray("attempts").size());
      Thread.sleep(500);
      assertEquals(1, receiver.received().size(), "410 is never retried");
      JsonObject flagged = api.get("api/v1/alert-channels/" + channel.getString("id")).json();
      assertTrue(flagged.getBoolean("flagged"));
      api.delete("api/v1/alert-channels/" + channel.getString("id"));
    }
  }

  @Test
  void badInputIsRefusedWithProblemDetailsAndStoresNothing() throws Exception {
    ApiClient api = new ApiClient(base);
    int channelsBefore = api.get("api/v1/alert-channels").jsonValue().asJsonArray().size();

    ApiClient.Reply malformed = api.post("api/v1/alert-channels", "{\"name\": \"x\",");
    assertProblem(malformed, "body");

    ApiClient.Reply noUrl = api.post("api/v1/alert-channels", "{\"name\":\"x\"}");
    assertProblem(noUrl, "url");

    ApiClient.Reply badUrl = api.post("api/v1/alert-channels", "{\"name\":\"x\",\"url\":\"ftp://example.com\"}");
    assertProblem(badUrl, "url");

    ApiClient.Reply badMethod =
        api.post("api/v1/alert-channels", "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9\",\"method\":\"FETCH\"}");
    assertProblem(badMethod, "method");

    ApiClient.Reply badTemplate =
        api.post(
            "api/v1/alert-channels",
            "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9\",\"template\":\"{\\n  \\\"a\\\": \\\"{{#if X}}\\\"\\n}\"}");
    JsonObject error = assertProblem(badTemplate, "template");
    assertTrue(error.getInt("line") > 0, "a template error carries its line: " + error);

    ApiClient.Reply badAlert = api.post("api/v1/alerts", "[1,2]");
    assertProblem(badAlert, "body");

    assertEquals(channelsBefore, api.get("api/v1/alert-channels").jsonValue().asJsonArray().size(), "nothing stored");
  }

  private static JsonObject assertProblem(ApiClient.Reply reply, String field) {
    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    JsonObject problem = reply.json();
    assertEquals(400, problem.getInt("status"));
    JsonObject error =
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("field").equals(field))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no error for " + field + " in " + problem));
    assertFalse(error.getString("message").isBlank());
    return error;
  }

  private static JsonObjectBuilder channelJson(String name, String url) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("url", url)
        .add("template", "{\"title\":\"{{ALERT_TITLE}}\",\"tags\":[{{#each TAGS}}\"{{this}}\"{{#unless @last}},{{/unless}}{{/each}}]}");
  }

  private static JsonObject createChannel(ApiClient api, JsonObjectBuilder json) throws Exception {
    ApiClient.Reply created = api.post("api/v1/alert-channels", json.build().toString());
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private static JsonObject postAlert(ApiClient api, String checkId) throws Exception {
    ApiClient.Reply accepted =
        api.post(
            "api/v1/alerts",
            Json.createObjectBuilder()
                .add("ALERT_TYPE", "ALERT_FAILURE")
                .add("ALERT_TITLE", "Check \"" + checkId + "\" has failed")
                .add("CHECK_ID", checkId)
                .add("TAGS", Json.createArrayBuilder().add("t"))
                .build()
                .toString());
    assertEquals(202, accepted.status(), accepted.body());
    return accepted.json();
  }

  /** The delivery of this alert to this channel (other tests' channels may be subscribed too). */
  private static String deliveryFor(JsonObject accepted, ApiClient api, String channelId) throws Exception {
    for (var id : accepted.getJsonArray("deliveries").getValuesAs(jakarta.json.JsonString.class)) {
      JsonObject d = api.get("api/v1/deliveries/" + id.getString()).json();
      if (channelId.equals(d.getString("channelId", null))) {
        return id.getString();
      }
    }
    throw new AssertionError("no delivery for channel " + channelId + " in " + accepted);
  }

  private static void awaitTotal(ApiClient api, String query, int total) throws Exception {
    awaitJson(api, query, list -> list.getInt("total") == total, query + ": not " + total + " deliveries");
  }

  private static JsonObject awaitStatus(ApiClient api, String deliveryId, String status) throws Exception {
    return awaitJson(api, "api/v1/deliveries/" + deliveryId, d -> status.equals(d.getString("status")),
        "delivery " + deliveryId + " did not reach " + status);
  }

  /** GETs {@code path} until its answer passes {@code done}, for up to {@link #WAIT}; the last answer otherwise fails. */
  private static JsonObject awaitJson(ApiClient api, String path, java.util.function.Predicate<JsonObject> done, String failure)
      throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    JsonObject answer;
    do {
      answer = api.get(path).json();
      if (done.test(answer)) {
        return answer;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < end);
    throw new AssertionError(failure + ": " + answer);
  }
}
