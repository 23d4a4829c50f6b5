package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.File;
import java.net.URL;
import java.util.HashSet;
import java.util.Set;
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
 * The routing table is kept in memory between alerts (ChannelRouting): every kind of change to the channels
 * reaches the very next alert, through each door that makes one. The first alert fills the table; each step
 * then changes one thing and asks where the next alert went. A table kept after a change it missed sends the
 * alert to the old set of channels, which these steps see (each fails with a table that is never made again).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoutingChangesIT {
  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void everyChangeToTheChannelsReachesTheNextAlert() throws Exception {
    ApiClient api = new ApiClient(base);
    String a = check(api, "a");
    String b = check(api, "b");
    String x = Deliveries.create(api, subscribedTo("x", Json.createObjectBuilder().add("checkId", a))).getString("id");
    assertTrue(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", a)).contains(x));
    assertFalse(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", b)).contains(x), "the table is made; x is not subscribed to b");

    // Only the subscriptions change.
    put(api, x, subscribedTo("x", Json.createObjectBuilder().add("checkId", b)));
    assertTrue(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", b)).contains(x), "subscribed to b now");
    assertFalse(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", a)).contains(x), "no longer to a");

    // What the channel wants.
    assertTrue(channelsOf(api, Deliveries.alert(api, "ALERT_RECOVERY", b)).contains(x));
    put(api, x, subscribedTo("x", Json.createObjectBuilder().add("checkId", b)).add("sendRecovery", false));
    assertFalse(channelsOf(api, Deliveries.alert(api, "ALERT_RECOVERY", b)).contains(x), "recoveries turned off");
    assertTrue(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", b)).contains(x), "failures still on");

    // Deactivated, then activated again.
    put(api, x, subscribedTo("x", Json.createObjectBuilder().add("checkId", b)).add("activated", false));
    assertFalse(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", b)).contains(x), "deactivated");
    put(api, x, subscribedTo("x", Json.createObjectBuilder().add("checkId", b)).add("activated", true));
    assertTrue(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", b)).contains(x), "activated again");

    // A channel made after the table was, and one deleted.
    String y = Deliveries.create(api, subscribedTo("y", Json.createObjectBuilder().add("checkId", b))).getString("id");
    Set<String> both = channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", b));
    assertTrue(both.contains(x) && both.contains(y), both.toString());
    assertEquals(204, api.delete("api/v1/alert-channels/" + x).status());
    Set<String> afterDelete = channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", b));
    assertFalse(afterDelete.contains(x), "deleted");
    assertTrue(afterDelete.contains(y));

    // A subscription added by another door: a new check joins the auto-subscribing channel (CheckAdministration
    // changes only the channel's subscriptions, which the table must see as a change of the channel).
    String z =
        Deliveries.create(api, subscribedTo("z", Json.createObjectBuilder().add("label", "run=" + run)).add("autoSubscribe", true))
            .getString("id");
    assertFalse(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", b)).contains(z));
    String checkId = check(api, "new");
    assertTrue(channelsOf(api, Deliveries.alert(api, "ALERT_FAILURE", checkId)).contains(z), "auto-subscribed to the new check");

    // The same table serves check results: the new check's first failing result reaches z.
    ApiClient.Reply result = api.post("api/v1/check-results", "{\"check\":{\"id\":\"" + checkId + "\"},\"hasFailures\":true}");
    assertEquals(202, result.status(), result.body());
    assertEquals("ALERT_FAILURE", result.json().getString("transition"), result.body());
    assertTrue(channelsOfResult(api, result.json()).contains(z), result.body());

    // A check made by its first result: the check, z's subscription to it and the alert are one transaction,
    // whose routing must see that transaction's own subscription.
    ApiClient.Reply first =
        api.post("api/v1/check-results", "{\"check\":{\"name\":\"Routing first " + run + "\",\"checkType\":\"API\"},\"hasFailures\":true}");
    assertEquals(202, first.status(), first.body());
    assertTrue(channelsOfResult(api, first.json()).contains(z), "the check made with the result is routed to z: " + first.body());
    String madeByResult = first.json().getString("checkId");

    for (String id : new String[] {y, z}) {
      api.delete("api/v1/alert-channels/" + id);
    }
    for (String id : new String[] {a, b, checkId, madeByResult}) {
      api.delete("api/v1/checks/" + id);
    }
  }

  private JsonObjectBuilder subscribedTo(String name, JsonObjectBuilder subscription) {
    return Deliveries.channel(name + "-" + run, "http://127.0.0.1:9/" + name)
        .add("subscriptions", Json.createArrayBuilder().add(subscription));
  }

  private String check(ApiClient api, String name) throws Exception {
    ApiClient.Reply check = api.post("api/v1/checks", "{\"name\":\"Routing " + name + " " + run + "\",\"checkType\":\"API\"}");
    assertEquals(201, check.status(), check.body());
    return check.json().getString("id");
  }

  private static void put(ApiClient api, String id, JsonObjectBuilder channel) throws Exception {
    ApiClient.Reply reply = api.put("api/v1/alert-channels/" + id, channel.build().toString());
    assertEquals(200, reply.status(), reply.body());
  }

  /** The channels an accepted alert went to. */
  private static Set<String> channelsOf(ApiClient api, JsonObject accepted) throws Exception {
    Set<String> channels = new HashSet<>();
    for (JsonString id : accepted.getJsonArray("deliveries").getValuesAs(JsonString.class)) {
      channels.add(api.get("api/v1/deliveries/" + id.getString()).json().getString("channelId"));
    }
    return channels;
  }

  private static Set<String> channelsOfResult(ApiClient api, JsonObject outcome) throws Exception {
    Set<String> channels = new HashSet<>();
    for (JsonObject sent : outcome.getJsonArray("alerts").getValuesAs(JsonObject.class)) {
      channels.addAll(channelsOf(api, sent));
    }
    return channels;
  }
}
