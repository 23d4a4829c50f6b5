package dev.alertwire.web;

import static dev.alertwire.web.Deliveries.alert;
import static dev.alertwire.web.Deliveries.awaitStatus;
import static dev.alertwire.web.Deliveries.channel;
import static dev.alertwire.web.Deliveries.create;
import static dev.alertwire.web.Deliveries.deliveryFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.signing.StandardWebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Timeouts, Retry-After, superseding, cancel, redeliver, rate limits and Standard Webhooks, end to end. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryControlsIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  @Test
  void receiverThatHangsPastTheTimeoutIsRetriedThenGivenUp() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      receiver.otherwise(200, 3_000);
      JsonObject ch = create(api, channel("hangs", receiver.url("/slow")).add("responseTimeoutMs", 500).add("maxRetries", 1).add("retryDelayMs", 100));
      String id = deliveryFor(api, alert(api, "ALERT_FAILURE", "hang-1"), ch.getString("id"));
      JsonObject detail = awaitStatus(api, id, "FAILED");
      JsonArray attempts = detail.getJsonArray("attempts");
      assertEquals(2, attempts.size());
      for (JsonObject a : attempts.getValuesAs(JsonObject.class)) {
        assertEquals("TIMEOUT", a.getJsonObject("error").getString("class"), a.toString());
        assertTrue(a.getInt("durationMs") < 2_500, "gave up at the timeout: " + a);
      }
      api.delete("api/v1/alert-channels/" + ch.getString("id"));
    }
  }

  @Test
  void retryAfterOn429IsHonoured() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      receiver.answer(429, Map.of("Retry-After", "2"));
      JsonObject ch = create(api, channel("throttled", receiver.url("/t")).add("retryDelayMs", 100));
      String id = deliveryFor(api, alert(api, "ALERT_FAILURE", "throttle-1"), ch.getString("id"));
      awaitStatus(api, id, "SUCCEEDED");
      List<LoopbackReceiver.Received> got = receiver.received();
      assertEquals(2, got.size());
      long gap = got.get(1).atMillis() - got.get(0).atMillis();
      assertTrue(gap >= 1_900, "waited for Retry-After, not the 100 ms delay: " + gap);
      api.delete("api/v1/alert-channels/" + ch.getString("id"));
    }
  }

  @Test
  void newerAlertForTheSameCheckSupersedesPendingRetries() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      receiver.answer(500);
      // The retry is due 8 s after the first attempt: long enough that the recovery is accepted before it even
      // on a loaded machine, and the test then waits past that moment to see that it never went.
      long retryDelayMs = 8_000;
      JsonObject ch = create(api, channel("supersede", receiver.url("/s")).add("retryDelayMs", retryDelayMs));
      String failure = deliveryFor(api, alert(api, "ALERT_FAILURE", "flappy"), ch.getString("id"));
      Deliveries.await(api, failure, d -> "RETRYING".equals(d.getString("status")), "retrying");
      long retrying = System.nanoTime();
      String recovery = deliveryFor(api, alert(api, "ALERT_RECOVERY", "flappy"), ch.getString("id"));
      awaitStatus(api, recovery, "SUCCEEDED");
      JsonObject old = awaitStatus(api, failure, "SUPERSEDED");
      assertTrue(old.getString("lastError").contains("superseded"), old.toString());
      long waited = (System.nanoTime() - retrying) / 1_000_000;
      Thread.sleep(Math.max(0, retryDelayMs + 2_000 - waited));
      assertEquals(2, receiver.received().size(), "the late failure retry was never sent");
      assertTrue(receiver.received().get(1).bodyText().contains("ALERT_RECOVERY"));
      api.delete("api/v1/alert-channels/" + ch.getString("id"));
    }
  }

  @Test
  void cancelStopsRetriesAndRedeliverSendsTheEventAgain() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      receiver.answer(503);
      long retryDelayMs = 8_000; // as in the supersede test: the cancel comes first even on a loaded machine
      JsonObject ch = create(api, channel("controls", receiver.url("/c")).add("retryDelayMs", retryDelayMs));
      String id = deliveryFor(api, alert(api, "ALERT_FAILURE", "cancel-me"), ch.getString("id"));
      Deliveries.await(api, id, d -> "RETRYING".equals(d.getString("status")), "retrying");
      long retrying = System.nanoTime();
      ApiClient.Reply cancelled = api.post("api/v1/deliveries/" + id + "/cancel", "");
      assertEquals(200, cancelled.status(), cancelled.body());
      assertEquals("CANCELLED", cancelled.json().getString("status"));
      assertEquals(400, api.post("api/v1/deliveries/" + id + "/cancel", "").status(), "already finished");
      Thread.sleep(Math.max(0, retryDelayMs + 2_000 - (System.nanoTime() - retrying) / 1_000_000));
      assertEquals(1, receiver.received().size(), "no attempt after cancel");

      ApiClient.Reply again = api.post("api/v1/deliveries/" + id + "/redeliver", "");
      assertEquals(201, again.status(), again.body());
      String redelivery = again.json().getString("id");
      assertNotEquals(id, redelivery);
      assertEquals("REDELIVERY", again.json().getString("kind"));
      awaitStatus(api, redelivery, "SUCCEEDED");
      List<LoopbackReceiver.Received> got = receiver.received();
      assertEquals(got.get(0).bodyText(), got.get(1).bodyText(), "the same event");
      assertEquals(redelivery, got.get(1).header("x-alertwire-delivery-id"));
      api.delete("api/v1/alert-channels/" + ch.getString("id"));
    }
  }

  @Test
  void rateLimitedDeliveriesWaitInsteadOfBeingDropped() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject ch = create(api, channel("limited", receiver.url("/r")).add("rateLimitPerMinute", 2));
      List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ids.add(deliveryFor(api, alert(api, "ALERT_FAILURE", "rate-" + i), ch.getString("id")));
      }
      receiver.await(2, Deliveries.WAIT);
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      long limited = 0;
      while (System.nanoTime() < end && limited < 2) {
        limited = ids.stream().filter(id -> {
          try {
            return "RATE_LIMITED".equals(api.get("api/v1/deliveries/" + id).json().getString("status"));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).count();
        Thread.sleep(100);
      }
      assertEquals(2, limited, "two wait for the window");
      assertEquals(2, receiver.received().size());
      JsonObject waiting = api.get("api/v1/deliveries?channelId=" + ch.getString("id") + "&status=rate_limited").json();
      for (JsonObject d : waiting.getJsonArray("items").getValuesAs(JsonObject.class)) {
        Instant next = Instant.parse(d.getString("nextAttemptAt"));
        assertTrue(next.isAfter(Instant.now().plusSeconds(30)), "goes out when the minute allows: " + d);
      }
      api.delete("api/v1/alert-channels/" + ch.getString("id"));
    }
  }

  /**
   * One receiver that answers slowly fills its channel's eight slots, and its backlog grows. The dispatcher
   * used to read the oldest due rows, find them all on that channel, start none and stop: another channel's
   * alert waited behind the backlog until fewer than a read's worth (120 rows) were ahead of it, here about
   * 45 s. The read now leaves out channels with no free slot.
   */
  @Test
  void aSlowChannelsBacklogDoesNotHoldBackAnotherChannelsAlert() throws Exception {
    ApiClient api = new ApiClient(base);
    String run = Long.toString(System.nanoTime(), 36);
    try (LoopbackReceiver slow = new LoopbackReceiver(); LoopbackReceiver quick = new LoopbackReceiver()) {
      slow.otherwise(200, 5_000);
      String slowCheck = check(api, "slow " + run);
      String quickCheck = check(api, "quick " + run);
      JsonObject slowChannel = create(api, channel("slow backlog " + run, slow.url("/slow")).add("maxRetries", 0)
          .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", slowCheck))));
      JsonObject quickChannel = create(api, channel("behind the slow one " + run, quick.url("/quick"))
          .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", quickCheck))));
      String first = deliveryFor(api, alert(api, "ALERT_FAILURE", slowCheck), slowChannel.getString("id"));
      // Redeliveries go to this channel alone (an alert would also reach other tests' catch-all channels).
      for (int i = 0; i < 200; i++) {
        assertEquals(201, api.post("api/v1/deliveries/" + first + "/redeliver", "").status());
      }
      slow.await(8, Deliveries.WAIT); // its slots are full; 192 wait behind them
      String behind = deliveryFor(api, alert(api, "ALERT_FAILURE", quickCheck), quickChannel.getString("id"));
      awaitStatus(api, behind, "SUCCEEDED");
      assertTrue(slow.received().size() < 40, "the other channel's alert went out before the backlog drained: " + slow.received().size());
      api.delete("api/v1/alert-channels/" + slowChannel.getString("id"));
      api.delete("api/v1/alert-channels/" + quickChannel.getString("id"));
      api.delete("api/v1/checks/" + slowCheck);
      api.delete("api/v1/checks/" + quickCheck);
    }
  }

  private static String check(ApiClient api, String name) throws Exception {
    ApiClient.Reply created = api.post("api/v1/checks", Json.createObjectBuilder().add("name", name).add("checkType", "API").build().toString());
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  @Test
  void standardWebhooksSignaturesWithServerGeneratedSecretAndRotation() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      JsonObject ch = create(api, channel("standard", receiver.url("/std")).add("signatureScheme", "STANDARD_WEBHOOKS"));
      String secret = ch.getString("generatedWebhookSecret");
      assertTrue(StandardWebhookSignature.isValidSecret(secret), secret);
      assertFalse(api.get("api/v1/alert-channels/" + ch.getString("id")).body().contains(secret), "shown once only");

      String id = deliveryFor(api, alert(api, "ALERT_FAILURE", "std-1"), ch.getString("id"));
      LoopbackReceiver.Received r = receiver.await(1, Deliveries.WAIT).get(0);
      assertEquals(id, r.header("webhook-id"));
      long ts = Long.parseLong(r.header("webhook-timestamp"));
      assertTrue(Math.abs(ts - Instant.now().getEpochSecond()) < 60);
      assertEquals(StandardWebhookSignature.sign(secret, id, ts, r.body()), r.header("webhook-signature"));

      ApiClient.Reply rotated =
          api.put("api/v1/alert-channels/" + ch.getString("id"), channel("standard", receiver.url("/std")).add("signatureScheme", "STANDARD_WEBHOOKS").add("rotateWebhookSecret", true).build().toString());
      assertEquals(200, rotated.status(), rotated.body());
      String newSecret = rotated.json().getString("generatedWebhookSecret");
      assertNotEquals(secret, newSecret);
      String id2 = deliveryFor(api, alert(api, "ALERT_FAILURE", "std-2"), ch.getString("id"));
      LoopbackReceiver.Received r2 = receiver.await(2, Deliveries.WAIT).get(1);
      long ts2 = Long.parseLong(r2.header("webhook-timestamp"));
      assertEquals(
          StandardWebhookSignature.sign(newSecret, id2, ts2, r2.body()) + " " + StandardWebhookSignature.sign(secret, id2, ts2, r2.body()),
          r2.header("webhook-signature"),
          "both signatures during the rotation overlap");
      String history = api.get("api/v1/deliveries/" + id2).body();
      assertFalse(history.contains(newSecret.substring(6)) || history.contains(secret.substring(6)), history);
      api.delete("api/v1/alert-channels/" + ch.getString("id"));
    }
  }
}
