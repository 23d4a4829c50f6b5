package dev.alertwire.web;

import static dev.alertwire.web.Deliveries.alert;
import static dev.alertwire.web.Deliveries.channel;
import static dev.alertwire.web.Deliveries.create;
import static dev.alertwire.web.Deliveries.deliveryFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped WAR on Payara Micro, started with the options the app is really started with
 * ({@code payara.micro.options} in web-ui/pom.xml): the JVM listens on the HTTP port and nothing else. No
 * Hazelcast member on *:6900 that any host could join as cluster "development" without a password. And the
 * EJB timers still fire without the data grid: a failed attempt is retried, which only a timer does.
 */
class OnlyHttpListensIT {
  @Test
  void onlyTheHttpPortListensAndTimersStillFire() throws Exception {
    assumeTrue(ListeningSockets.readable(), "reads the sockets from Linux's /proc");
    Path data = Files.createTempDirectory(Path.of("target"), "only-http-data");
    File log = new File("target/only-http-payara.log");
    Files.deleteIfExists(log.toPath());
    try (LoopbackReceiver receiver = new LoopbackReceiver();
        PayaraProcess app = new PayaraProcess(data, log)) {
      app.start(List.of());
      ApiClient api = new ApiClient(app.url());

      // Timers: the first attempt fails; the retry 2 s later can only come from an EJB timer (the
      // single-action wake-up, or the 15 s sweep).
      receiver.answer(500);
      JsonObject ch = create(api, channel("only-http", receiver.url("/only-http")).add("retryDelayMs", 2_000).add("maxRetries", 3));
      String id = deliveryFor(api, alert(api, "ALERT_FAILURE", "only-http"), ch.getString("id"));
      JsonObject done = Deliveries.awaitStatus(api, id, "SUCCEEDED");
      assertEquals(2, done.getJsonArray("attempts").size(), done.toString());
      assertEquals(2, receiver.await(2, Deliveries.WAIT).size());

      // Checked once everything has started, deployed and sent.
      List<String> tcp = ListeningSockets.tcp(app.pid());
      assertEquals(Set.of(app.url().getPort()), ListeningSockets.ports(tcp), "listening TCP sockets of Payara Micro: " + tcp + "; see " + log);
      List<String> udp = ListeningSockets.udp(app.pid());
      assertTrue(udp.isEmpty(), "UDP sockets open to anyone: " + udp);
      assertTrue(!Files.readString(log.toPath()).contains("DataGrid:"), "a Hazelcast member started; see " + log);
    }
  }
}
