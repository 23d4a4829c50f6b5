package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.function.Predicate;

/** Test steps shared by the API-level integration tests. */
final class Deliveries {
  static final Duration WAIT = Duration.ofSeconds(30);

  private Deliveries() {}

  static JsonObjectBuilder channel(String name, String url) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("url", url)
        .add("template", "{\"title\":\"{{ALERT_TITLE}}\",\"check\":\"{{CHECK_ID}}\"}");
  }

  static JsonObject create(ApiClient api, JsonObjectBuilder channel) throws Exception {
    ApiClient.Reply created = api.post("api/v1/alert-channels", channel.build().toString());
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  static JsonObject alert(ApiClient api, String alertType, String checkId) throws Exception {
    ApiClient.Reply accepted =
        api.post(
            "api/v1/alerts",
            Json.createObjectBuilder()
                .add("ALERT_TYPE", alertType)
                .add("ALERT_TITLE", "Check \"" + checkId + "\" " + alertType)
                .add("CHECK_ID", checkId)
                .build()
                .toString());
    assertEquals(202, accepted.status(), accepted.body());
    return accepted.json();
  }

  /** The delivery of this accepted alert to this channel. */
  static String deliveryFor(ApiClient api, JsonObject accepted, String channelId) throws Exception {
    for (JsonString id : accepted.getJsonArray("deliveries").getValuesAs(JsonString.class)) {
      if (channelId.equals(api.get("api/v1/deliveries/" + id.getString()).json().getString("channelId", null))) {
        return id.getString();
      }
    }
    throw new AssertionError("no delivery for channel " + channelId + " in " + accepted);
  }

  static JsonObject await(ApiClient api, String deliveryId, Predicate<JsonObject> condition, String what)
      throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    String last;
    do {
      ApiClient.Reply reply = api.get("api/v1/deliveries/" + deliveryId);
      // Only a 200 is the delivery; any other answer (a problem+json) is named if it is the last one.
      if (reply.status() == 200 && condition.test(reply.json())) {
        return reply.json();
      }
      last = reply.status() + " " + reply.body();
      Thread.sleep(100);
    } while (System.nanoTime() < end);
    throw new AssertionError("delivery " + deliveryId + " never became " + what + "; last answer: " + last);
  }

  static JsonObject awaitStatus(ApiClient api, String deliveryId, String status) throws Exception {
    return await(api, deliveryId, d -> status.equals(d.getString("status")), status);
  }
}
