package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.alertwire.domain.signing.ChecklySignature;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.File;
import java.net.URL;
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
 * Channels are kept in memory between the lists of deliveries the dispatcher prepares (ChannelSnapshots): each
 * change to what a channel sends reaches the very next delivery. The first alert makes the kept copy; each step
 * then changes one thing and looks at the request the receiver got next. A copy kept after a change it missed
 * sends the old request, which these steps see (each fails with a copy that is never read again).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SendingChangesIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void everyChangeToWhatAChannelSendsReachesTheNextDelivery() throws Exception {
    ApiClient api = new ApiClient(base);
    try (LoopbackReceiver receiver = new LoopbackReceiver()) {
      String check = "sending-" + run;
      String id =
          Deliveries.create(
                  api,
                  channel(receiver.url("/first"), "{\"v\":\"first {{CHECK_ID}}\"}", "canary-token-first-" + run)
                      .add("webhookSecret", "canary-secret-first-" + run)
                      .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "run=" + run))))
              .getString("id");
      // Subscribed by label: only this test's alerts go to it (catch-all channels of other tests get them too,
      // and send them elsewhere).
      LoopbackReceiver.Received first = next(api, receiver, check, 1);
      assertEquals("/first", first.path());
      assertEquals("{\"v\":\"first " + check + "\"}", first.bodyText());
      assertEquals("canary-token-first-" + run, first.header("x-token"));
      assertEquals(ChecklySignature.sign("canary-secret-first-" + run, first.body()), first.header("x-checkly-signature"));

      // The URL, the template, a locked header and the webhook secret, changed at once.
      put(
          api,
          id,
          channel(receiver.url("/second"), "{\"v\":\"second {{CHECK_ID}}\"}", "canary-token-second-" + run)
              .add("webhookSecret", "canary-secret-second-" + run));
      LoopbackReceiver.Received second = next(api, receiver, check, 2);
      assertEquals("/second", second.path(), "the new URL");
      assertEquals("{\"v\":\"second " + check + "\"}", second.bodyText(), "the new template");
      assertEquals("canary-token-second-" + run, second.header("x-token"), "the new locked header");
      assertEquals(ChecklySignature.sign("canary-secret-second-" + run, second.body()), second.header("x-checkly-signature"));

      // Only the method and the signature scheme.
      put(
          api,
          id,
          channel(receiver.url("/second"), "{\"v\":\"second {{CHECK_ID}}\"}", "canary-token-second-" + run)
              .add("method", "PUT")
              .add("signatureScheme", "STANDARD_WEBHOOKS"));
      LoopbackReceiver.Received third = next(api, receiver, check, 3);
      assertEquals("PUT", third.method());
      assertEquals(null, third.header("x-checkly-signature"));
      assertFalse(third.header("webhook-signature") == null, "signed the Standard Webhooks way: " + third.headers());

      // Deleted: its next alert has nowhere to go, and nothing more arrives.
      assertEquals(204, api.delete("api/v1/alert-channels/" + id).status());
      ApiClient.Reply accepted = api.post("api/v1/alerts", alert(check));
      assertEquals(202, accepted.status(), accepted.body());
      Thread.sleep(1_000);
      assertEquals(3, receiver.received().size());
    }
  }

  private JsonObjectBuilder channel(String url, String template, String token) {
    return Json.createObjectBuilder()
        .add("name", "sending-" + run)
        .add("url", url)
        .add("template", template)
        .add("headers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "X-Token").add("value", token).add("locked", true)))
        .add("subscriptions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "run=" + run)));
  }

  private String alert(String check) {
    return Json.createObjectBuilder()
        .add("ALERT_TYPE", "ALERT_FAILURE")
        .add("CHECK_ID", check)
        .add("LABELS", Json.createObjectBuilder().add("run", run))
        .build()
        .toString();
  }

  /** Posts an alert and answers the request it made, the receiver's {@code count}th. */
  private LoopbackReceiver.Received next(ApiClient api, LoopbackReceiver receiver, String check, int count) throws Exception {
    ApiClient.Reply accepted = api.post("api/v1/alerts", alert(check));
    assertEquals(202, accepted.status(), accepted.body());
    List<LoopbackReceiver.Received> received = receiver.await(count, Deliveries.WAIT);
    assertEquals(count, received.size(), "one request per alert");
    return received.get(count - 1);
  }

  private static void put(ApiClient api, String id, JsonObjectBuilder channel) throws Exception {
    ApiClient.Reply reply = api.put("api/v1/alert-channels/" + id, channel.build().toString());
    assertEquals(200, reply.status(), reply.body());
  }
}
