package dev.alertwire.web;

import static dev.alertwire.web.Deliveries.alert;
import static dev.alertwire.web.Deliveries.channel;
import static dev.alertwire.web.Deliveries.create;
import static dev.alertwire.web.Deliveries.deliveryFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 while retries are pending, start again on the same database: every delivery resumes from its row
 * and arrives, with the same delivery id on every attempt. The timers held nothing that was lost.
 */
class RestartResumesDeliveriesIT {
  @Test
  void pendingRetriesSurviveAKillAndResumeAfterRestart() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "restart-data");
    File log = new File("target/restart-it-payara.log");
    try (LoopbackReceiver receiver = new LoopbackReceiver();
        PayaraProcess app = new PayaraProcess(data, log)) {
      receiver.otherwise(503, 0);
      app.start(List.of());
      ApiClient api = new ApiClient(app.url());
      JsonObject ch = create(api, channel("restart", receiver.url("/restart")).add("retryDelayMs", 3_000).add("maxRetries", 10));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(deliveryFor(api, alert(api, "ALERT_FAILURE", "restart-" + i), ch.getString("id")));
      }
      receiver.await(5, Deliveries.WAIT);
      for (String id : ids) {
        // The failed attempt is on record (committed) before the kill.
        Deliveries.awaitStatus(api, id, "RETRYING");
      }
      app.kill();

      receiver.otherwise(200, 0);
      int beforeRestart = receiver.received().size();
      app.start(List.of());
      for (String id : ids) {
        JsonObject done = Deliveries.awaitStatus(api, id, "SUCCEEDED");
        assertTrue(done.getJsonArray("attempts").size() >= 2, done.toString());
      }
      Map<String, Long> perDelivery =
          receiver.received().stream()
              .collect(Collectors.groupingBy(r -> r.header("x-alertwire-delivery-id"), Collectors.counting()));
      assertEquals(ids.stream().sorted().toList(), perDelivery.keySet().stream().sorted().toList(), "only our ids, all of them");
      perDelivery.values().forEach(n -> assertTrue(n >= 2, "failed before the kill, delivered after it"));
      assertTrue(receiver.received().size() > beforeRestart);
    }
  }

  /**
   * Started with another master key than the one that encrypted the stored secrets, an instance says so on
   * /health, accepts alerts and sends none of them (no attempt is burnt); with the right key again, it does.
   */
  @Test
  void anInstanceWithAnotherMasterKeyIsNotReadyAndLeavesDeliveriesAlone() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "key-check-data");
    File log = new File("target/key-check-payara.log");
    try (LoopbackReceiver receiver = new LoopbackReceiver();
        PayaraProcess app = new PayaraProcess(data, log)) {
      app.start(List.of());
      ApiClient api = new ApiClient(app.url());
      api.delete("api/v1/variables/KEY_CHECK_TOKEN");
      assertEquals(201, api.post("api/v1/variables", Json.createObjectBuilder()
          .add("key", "KEY_CHECK_TOKEN").add("value", "kc-secret-value-81f3").add("locked", true).build().toString()).status());
      JsonObject ch = create(api, channel("key check", receiver.url("/key")));
      app.kill();

      HttpResponse<String> health = app.startNotReady(List.of("-Dalertwire.master.key=" + OTHER_KEY), "another ALERTWIRE_MASTER_KEY");
      assertTrue(health.body().contains("\"master-key\""), health.body());
      assertTrue(!health.body().contains("kc-secret-value-81f3"), health.body());
      // /health answers before the application has finished deploying: wait for the API itself.
      long deployed = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (api.get("api/v1/alert-channels").status() != 200 && System.nanoTime() < deployed) {
        Thread.sleep(250);
      }
      // Deployed now (until then Payara reports "No Application deployed" DOWN). Liveness and readiness apart
      // (#15): the process works, it just cannot take traffic. Before, the database was a liveness check too,
      // so an orchestrator restarted every instance in a database outage.
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      HttpResponse<String> live = http.send(java.net.http.HttpRequest.newBuilder(app.url().toURI().resolve("health/live")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, live.statusCode(), live.body());
      assertTrue(live.body().contains("\"process\"") && !live.body().contains("\"database\"") && !live.body().contains("\"master-key\""), live.body());
      HttpResponse<String> ready = http.send(java.net.http.HttpRequest.newBuilder(app.url().toURI().resolve("health/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(503, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("\"master-key\"") && ready.body().contains("\"database\""), ready.body());
      String id = deliveryFor(api, alert(api, "ALERT_FAILURE", "key-check"), ch.getString("id"));
      Thread.sleep(5_000);
      JsonObject waiting = api.get("api/v1/deliveries/" + id).json();
      assertEquals(0, waiting.getJsonArray("attempts").size(), waiting.toString());
      assertTrue(receiver.received().isEmpty(), "nothing was sent with the wrong key");
      app.kill();

      app.start(List.of());
      Deliveries.awaitStatus(api, id, "SUCCEEDED");
    }
  }

  private static final String OTHER_KEY = "YW5vdGhlci1rZXktdGhhbi10aGUtb25lLWluLXVzZSE=";
}
