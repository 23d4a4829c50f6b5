package dev.alertwire.web;

import static dev.alertwire.web.Deliveries.channel;
import static dev.alertwire.web.Deliveries.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL share the work: 1,000 alerts through both, one killed with kill -9 midway.
 * Every accepted alert arrives, no delivery is ever attempted by two instances at once, and the record is
 * complete. Runs with -Ppostgres (an embedded H2 database belongs to one JVM).
 */
class TwoInstancesIT {
  private static final int ALERTS = 1_000;

  @Test
  void oneInstanceDiesMidwayAndTheOtherFinishesTheWork() throws Exception {
    String dbOptions = System.getProperty("alertwire.it.db.options", "");
    assumeTrue(dbOptions.contains("jdbc:postgresql:"), "needs a shared database: run with -Ppostgres");

    Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    AtomicBoolean overlapped = new AtomicBoolean();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newFixedThreadPool(32));
    receiver.createContext("/", exchange -> {
      String id = exchange.getRequestHeaders().getFirst("x-alertwire-delivery-id");
      exchange.getRequestBody().readAllBytes();
      if (inFlight.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() > 1) {
        overlapped.set(true);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      inFlight.get(id).decrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    // A schema of their own: channels left by earlier test classes in the shared database would get every
    // alert too, and this test is about two instances, not about how many channels the database holds.
    String schemaUrl = freshSchema(dbOptions);
    List<String> options = List.of("-Dalertwire.delivery.lease-seconds=10", "-Dalertwire.db.url=" + schemaUrl);
    Path dir = Files.createTempDirectory(Path.of("target"), "two-instances");
    try (PayaraProcess a = new PayaraProcess(dir.resolve("a"), new File("target/two-instances-a.log"));
        PayaraProcess b = new PayaraProcess(dir.resolve("b"), new File("target/two-instances-b.log"))) {
      a.start(options);
      b.start(options);
      ApiClient apiA = new ApiClient(a.url());
      ApiClient apiB = new ApiClient(b.url());
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/two";
      routingChangedOnOneInstanceReachesTheOthersNextAlert(apiA, apiB, url);
      sendingChangedOnOneInstanceReachesTheOthersNextDelivery(apiA, apiB);
      JsonObject ch = create(apiA, channel("two instances", url).add("retryDelayMs", 500).add("maxRetries", 10)
          .add("connectTimeoutMs", 1000).add("responseTimeoutMs", 2000).add("supersedeOlder", false));
      String channelId = ch.getString("id");

      List<String> accepted = new ArrayList<>();
      for (int i = 0; i < ALERTS; i++) {
        boolean viaB = i % 2 == 1 && i < ALERTS / 2;
        if (i == ALERTS / 2) {
          b.kill();
        }
        ApiClient.Reply reply = (viaB ? apiB : apiA).post("api/v1/alerts", Json.createObjectBuilder()
            .add("ALERT_TYPE", "ALERT_FAILURE").add("CHECK_ID", "two-" + i).build().toString());
        assertEquals(202, reply.status(), reply.body());
        reply.json().getJsonArray("deliveries").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .forEach(accepted::add);
      }

      long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      long succeeded = 0;
      while (System.nanoTime() < end) {
        succeeded = apiA.get("api/v1/deliveries?size=1&status=succeeded&channelId=" + channelId).json().getJsonNumber("total").longValue();
        if (succeeded >= ALERTS) {
          break;
        }
        Thread.sleep(1_000);
      }
      assertEquals(ALERTS, succeeded, "every delivery of the channel succeeded");
      Set<String> ours = Set.copyOf(accepted);
      assertTrue(received.keySet().containsAll(ours), "every accepted alert arrived at least once");
      assertTrue(!overlapped.get(), "no delivery was ever in flight twice at once");
      long total = apiA.get("api/v1/deliveries?size=1&channelId=" + channelId).json().getJsonNumber("total").longValue();
      assertEquals(ALERTS, total, "the record has one delivery per alert");
    } finally {
      receiver.stop(0);
      ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
    }
  }

  /**
   * Each instance keeps its routing table in memory: a channel changed or deleted through one instance changes
   * where the other's next alert goes. Before the catch-all channel of the main test exists, so that its count
   * of deliveries stays one per alert of its own.
   */
  private static void routingChangedOnOneInstanceReachesTheOthersNextAlert(ApiClient apiA, ApiClient apiB, String url) throws Exception {
    String first = createdId(apiA.post("api/v1/checks", "{\"name\":\"routing one\",\"checkType\":\"API\"}"));
    String second = createdId(apiA.post("api/v1/checks", "{\"name\":\"routing two\",\"checkType\":\"API\"}"));
    String channelId =
        create(apiA, channel("routing", url).add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", first))))
            .getString("id");
    assertEquals(List.of(), deliveredBy(apiB, second), "b's table is made now, the channel subscribed to the other check");
    ApiClient.Reply changed = apiA.put("api/v1/alert-channels/" + channelId, channel("routing", url)
        .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("checkId", second))).build().toString());
    assertEquals(200, changed.status(), changed.body());
    assertEquals(1, deliveredBy(apiB, second).size(), "the change made through a reaches b's next alert");
    assertEquals(204, apiA.delete("api/v1/alert-channels/" + channelId).status());
    assertEquals(List.of(), deliveredBy(apiB, second), "so does the deletion");
  }

  /**
   * Each instance keeps the channels it sends to in memory (ChannelSnapshots): a channel's URL, template and
   * locked header changed through one instance are what the other sends next. Each instance first sends an
   * alert of its own (an instance dispatches the alerts it accepts), so both keep the channel; then b's next
   * alert must go out as changed through a.
   */
  private static void sendingChangedOnOneInstanceReachesTheOthersNextDelivery(ApiClient apiA, ApiClient apiB) throws Exception {
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      java.util.function.BiFunction<String, String, JsonObjectBuilder> channel =
          (path, value) ->
              channel("sending", receiver.url(path))
                  .add("template", "{\"v\":\"" + value + "\"}")
                  .add("headers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "X-Token").add("value", "canary-" + value).add("locked", true)))
                  .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "sending=yes")));
      String channelId = create(apiA, channel.apply("/before", "before")).getString("id");
      String labelled = "{\"ALERT_TYPE\":\"ALERT_FAILURE\",\"LABELS\":{\"sending\":\"yes\"}}";
      for (ApiClient api : List.of(apiA, apiB)) {
        assertEquals(202, api.post("api/v1/alerts", labelled).status());
      }
      List<LoopbackReceiver.Received> before = receiver.await(2, Duration.ofSeconds(30));
      assertEquals(List.of("/before", "/before"), before.stream().map(LoopbackReceiver.Received::path).toList());

      ApiClient.Reply changed = apiA.put("api/v1/alert-channels/" + channelId, channel.apply("/after", "after").build().toString());
      assertEquals(200, changed.status(), changed.body());
      assertEquals(202, apiB.post("api/v1/alerts", labelled).status());
      LoopbackReceiver.Received after = receiver.await(3, Duration.ofSeconds(30)).get(2);
      assertEquals("/after", after.path(), "the URL changed through a is where b sends");
      assertEquals("{\"v\":\"after\"}", after.bodyText());
      assertEquals("canary-after", after.header("x-token"));
      assertEquals(204, apiA.delete("api/v1/alert-channels/" + channelId).status());
    }
  }

  private static String createdId(ApiClient.Reply reply) {
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("id");
  }

  private static List<String> deliveredBy(ApiClient api, String checkId) throws Exception {
    ApiClient.Reply reply =
        api.post("api/v1/alerts", Json.createObjectBuilder().add("ALERT_TYPE", "ALERT_FAILURE").add("CHECK_ID", checkId).build().toString());
    assertEquals(202, reply.status(), reply.body());
    return reply.json().getJsonArray("deliveries").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
  }

  /** Creates an empty schema in the test database and returns the database URL that makes it current. */
  private static String freshSchema(String dbOptions) throws SQLException {
    String url = option(dbOptions, "alertwire.db.url");
    String schema = "two_instances_" + System.currentTimeMillis();
    try (Connection connection =
            DriverManager.getConnection(url, option(dbOptions, "alertwire.db.user"), option(dbOptions, "alertwire.db.password"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static String option(String options, String name) {
    return Arrays.stream(options.trim().split("\\s+"))
        .filter(o -> o.startsWith("-D" + name + "="))
        .map(o -> o.substring(name.length() + 3))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " missing from " + options));
  }
}
