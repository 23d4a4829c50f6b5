package dev.alertwire.web;

import static dev.alertwire.web.Deliveries.awaitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
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
 * Issue #12, findings 6 and 7: the per-attempt deadline (connect, headers and body) and the outbound
 * address policy, on the running app. Every target is on loopback; the test instance denies 127.0.0.2/32
 * (arquillian.xml), which is loopback too, so blocking can be shown without aiming anywhere else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  private static String check(ApiClient api, String name) throws Exception {
    ApiClient.Reply created = api.post("api/v1/checks", "{\"name\":\"" + name + "\",\"checkType\":\"API\"}");
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private static JsonObjectBuilder channelFor(String name, String url, String checkId) {
    return Deliveries.channel(name, url)
        .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", checkId)));
  }

  private static JsonObject onlyAttempt(JsonObject delivery) {
    JsonArray attempts = delivery.getJsonArray("attempts");
    assertEquals(1, attempts.size(), "one attempt, not retried: " + delivery);
    return attempts.getJsonObject(0);
  }

  /**
   * A channel's slot is given back when its request is answered, before the attempt's record is committed
   * (DeliveryDispatcher): the receiver must still never see more requests at once than the channel's limit
   * of 8, and must see that many while a backlog waits. 40 alerts to one channel whose receiver holds each
   * request until all 40 are accepted, then answers each after 150 ms; every one is recorded as succeeded.
   */
  @Test
  void aChannelHasAtMostItsLimitOfRequestsOutAtOnceAndUsesThem() throws Exception {
    ApiClient api = new ApiClient(base);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String checkId = check(api, "Bounded " + suffix);
    java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch allAccepted = new java.util.concurrent.CountDownLatch(1);
    com.sun.net.httpserver.HttpServer receiver =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(32));
    String path = "/bounded-" + suffix;
    receiver.createContext(path, exchange -> {
      exchange.getRequestBody().readAllBytes();
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        allAccepted.await(60, java.util.concurrent.TimeUnit.SECONDS);
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now.decrementAndGet(); // before the answer: the app can send the next one only after it has it
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
      answered.incrementAndGet();
    });
    receiver.start();
    String channelId = null;
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
      channelId = Deliveries.create(api, channelFor("bounded " + suffix, url, checkId).add("supersedeOlder", false)).getString("id");
      for (int i = 0; i < 40; i++) {
        Deliveries.alert(api, "ALERT_FAILURE", checkId);
      }
      allAccepted.countDown();
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      long succeeded = 0;
      while (System.nanoTime() < end && succeeded < 40) {
        Thread.sleep(200);
        succeeded = api.get("api/v1/deliveries?size=1&status=succeeded&channelId=" + channelId).json().getJsonNumber("total").longValue();
      }
      assertEquals(40, succeeded, "every delivery recorded as succeeded");
      assertEquals(40, answered.get(), "one request per delivery");
      assertEquals(8, most.get(), "the channel's limit, reached and never passed");
    } finally {
      allAccepted.countDown();
      receiver.stop(0);
      ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
      if (channelId != null) {
        api.delete("api/v1/alert-channels/" + channelId);
      }
    }
  }

  /**
   * 64 deliveries to a receiver that sends its body a byte every 2 s fill every delivery slot (8 channels
   * at their limit of 8). Another channel's alert must still arrive promptly: the trickling attempts end at
   * their channels' 3 s response timeout, as TIMEOUT, and free their slots and connections.
   */
  @Test
  void aTricklingReceiverDoesNotHoldTheSlotsOfOtherChannels() throws Exception {
    ApiClient api = new ApiClient(base);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String slowCheck = check(api, "Trickle " + suffix);
    String fastCheck = check(api, "Prompt " + suffix);
    List<String> channels = new ArrayList<>();
    try (TricklingReceiver slow = new TricklingReceiver(Duration.ofSeconds(2));
        LoopbackReceiver fast = new LoopbackReceiver()) {
      for (int i = 0; i < 8; i++) {
        channels.add(
            Deliveries.create(
                    api,
                    channelFor("trickle " + i + " " + suffix, slow.url("/slow"), slowCheck)
                        .add("responseTimeoutMs", 3000)
                        .add("maxRetries", 0)
                        .add("supersedeOlder", false))
                .getString("id"));
      }
      String fastChannel = Deliveries.create(api, channelFor("prompt " + suffix, fast.url("/fast"), fastCheck)).getString("id");
      channels.add(fastChannel);

      List<JsonObject> slowAlerts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        slowAlerts.add(Deliveries.alert(api, "ALERT_FAILURE", slowCheck));
      }
      long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (slow.accepted() < 64 && System.nanoTime() < waitUntil) {
        Thread.sleep(20);
      }
      assertEquals(64, slow.accepted(), "all 64 slots are busy with the trickling receiver");

      long sent = System.currentTimeMillis();
      Deliveries.alert(api, "ALERT_FAILURE", fastCheck);
      LoopbackReceiver.Received arrived = fast.await(1, Duration.ofSeconds(30)).get(0);
      long latencyMs = arrived.atMillis() - sent;
      System.out.println("OutboundIT: the other channel's alert arrived " + latencyMs + " ms after it was accepted,"
          + " with 64 trickling attempts in flight");
      assertTrue(latencyMs < 8_000, "arrived within the 3 s timeout and a margin: " + latencyMs + " ms");

      String oneSlow = Deliveries.deliveryFor(api, slowAlerts.get(0), channels.get(0));
      JsonObject attempt = onlyAttempt(awaitStatus(api, oneSlow, "FAILED"));
      assertEquals("TIMEOUT", attempt.getJsonObject("error").getString("class"), attempt.toString());
      int duration = attempt.getInt("durationMs");
      assertTrue(duration >= 2_900 && duration < 6_000, "ended at the 3 s timeout: " + duration + " ms");
      assertTrue(attempt.getJsonObject("error").getString("message").contains("response timeout of 3000 ms"), attempt.toString());

      waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (slow.open() > 0 && System.nanoTime() < waitUntil) {
        Thread.sleep(50);
      }
      assertEquals(0, slow.open(), "the app closed every trickling connection");
      long longest = slow.closed().stream().mapToLong(c -> c.closedAtMillis() - c.openedAtMillis()).max().orElseThrow();
      System.out.println("OutboundIT: the longest trickling connection stayed open " + longest + " ms");
      assertTrue(longest < 6_000, "no connection outlived its attempt by much: " + longest + " ms");
    } finally {
      for (String id : channels) {
        api.delete("api/v1/alert-channels/" + id);
      }
    }
  }

  @Test
  void aChannelAimedAtTheAppsOwnListenerIsRefusedInAnyNotation() throws Exception {
    ApiClient api = new ApiClient(base);
    int port = base.getPort();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String checkId = check(api, "Own listener " + suffix);
    record Case(String url, String message) {}
    List<Case> cases =
        List.of(
            new Case("http://127.0.0.1:" + port + "/api/v1/variables", "127.0.0.1:" + port + " is Alertwire's own listener"),
            new Case("http://2130706433:" + port + "/", "2130706433 is 127.0.0.1: 127.0.0.1:" + port + " is Alertwire's own listener"),
            new Case("http://[::ffff:127.0.0.1]:" + port + "/api/v1/export",
                "[::ffff:127.0.0.1] is 127.0.0.1: 127.0.0.1:" + port + " is Alertwire's own listener"));
    for (Case c : cases) {
      String channelId =
          Deliveries.create(api, channelFor("own " + suffix, c.url(), checkId).add("maxRetries", 3).add("retryDelayMs", 1000))
              .getString("id");
      try {
        JsonObject accepted = Deliveries.alert(api, "ALERT_FAILURE", checkId);
        String deliveryId = Deliveries.deliveryFor(api, accepted, channelId);
        JsonObject delivery = awaitStatus(api, deliveryId, "FAILED");
        Thread.sleep(1500); // a retry would be due by now
        delivery = api.get("api/v1/deliveries/" + deliveryId).json();
        JsonObject attempt = onlyAttempt(delivery);
        assertEquals("ADDRESS_REFUSED", attempt.getJsonObject("error").getString("class"), attempt.toString());
        assertEquals(c.message(), attempt.getJsonObject("error").getString("message"));
        assertTrue(attempt.isNull("response"), "nothing stored from the app's own answer: " + attempt);
        assertFalse(delivery.toString().contains("problem+json"), delivery.toString());
      } finally {
        api.delete("api/v1/alert-channels/" + channelId);
      }
    }
  }

  @Test
  void theDenyListRefusesItsRangeWhileOtherLoopbackAddressesWork() throws Exception {
    ApiClient api = new ApiClient(base);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String checkId = check(api, "Deny list " + suffix);
    try (LoopbackReceiver denied = new LoopbackReceiver("127.0.0.2");
        LoopbackReceiver allowed = new LoopbackReceiver("127.0.0.1")) {
      String deniedChannel = Deliveries.create(api, channelFor("denied " + suffix, denied.url("/d"), checkId)).getString("id");
      String allowedChannel = Deliveries.create(api, channelFor("allowed " + suffix, allowed.url("/a"), checkId)).getString("id");
      try {
        JsonObject accepted = Deliveries.alert(api, "ALERT_FAILURE", checkId);
        awaitStatus(api, Deliveries.deliveryFor(api, accepted, allowedChannel), "SUCCEEDED");
        assertEquals(1, allowed.await(1, Duration.ofSeconds(10)).size());
        JsonObject refused = awaitStatus(api, Deliveries.deliveryFor(api, accepted, deniedChannel), "FAILED");
        JsonObject attempt = onlyAttempt(refused);
        assertEquals("ADDRESS_REFUSED", attempt.getJsonObject("error").getString("class"));
        assertEquals(
            "127.0.0.2 is in the denied range 127.0.0.2/32 (ALERTWIRE_OUTBOUND_DENY)",
            attempt.getJsonObject("error").getString("message"));
        assertEquals(0, denied.received().size(), "nothing reached the denied receiver");
      } finally {
        api.delete("api/v1/alert-channels/" + deniedChannel);
        api.delete("api/v1/alert-channels/" + allowedChannel);
      }
    }
  }
}
