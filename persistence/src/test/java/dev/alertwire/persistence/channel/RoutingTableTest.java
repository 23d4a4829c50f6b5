package dev.alertwire.persistence.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.check.AlertKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing rule as the table states it, one case per clause, and against the console's statement of it. */
class RoutingTableTest {
  private static final Instant NOW = Instant.parse("2026-12-01T23:00:00Z");

  private static AlertChannel channel(String name, ChannelSubscription... subscriptions) {
    AlertChannel c = new AlertChannel(name, NOW);
    c.subscribe(Arrays.asList(subscriptions));
    return c;
  }

  private static ChannelSubscription check(String id) {
    return new ChannelSubscription(id, null, true);
  }

  private static ChannelSubscription group(String id) {
    return new ChannelSubscription(null, id, true);
  }

  private static List<String> names(List<Recipient> routed) {
    return routed.stream().map(Recipient::name).sorted().toList();
  }

  @Test
  void aChannelWithoutSubscriptionsGetsEveryAlertAndOneWithGetsOnlyItsOwn() {
    RoutingTable table = RoutingTable.of(List.of(channel("all"), channel("a-only", check("a")), channel("group-g", group("g"))));
    assertEquals(List.of("a-only", "all"), names(table.routedTo("a", null, List.of())));
    assertEquals(List.of("all"), names(table.routedTo("b", null, List.of())));
    assertEquals(List.of("all", "group-g"), names(table.routedTo("b", "g", List.of())));
    assertEquals(List.of("all"), names(table.routedTo(null, null, List.of())));
  }

  @Test
  void aLabelSubscriptionMatchesAnyOfTheAlertsLabels() {
    RoutingTable table =
        RoutingTable.of(List.of(channel("payments", ChannelSubscription.toLabel("team=payments", true)), channel("a-only", check("a"))));
    assertEquals(List.of("payments"), names(table.routedTo(null, null, List.of("env=prod", "team=payments"))));
    assertEquals(List.of(), names(table.routedTo(null, null, List.of("team=search"))));
    assertEquals(List.of("a-only", "payments"), names(table.routedTo("a", null, List.of("team=payments"))));
  }

  @Test
  void deactivatedChannelsAndSubscriptionsRouteNothingAndAChannelWithOnlyDeactivatedOnesIsNotCatchAll() {
    AlertChannel off = channel("off");
    off.activate(false);
    AlertChannel paused = channel("paused", new ChannelSubscription("a", null, false));
    RoutingTable table = RoutingTable.of(List.of(off, paused));
    assertEquals(List.of(), table.routedTo("a", null, List.of()));
    assertEquals(List.of(), table.routedTo("b", null, List.of()));
  }

  @Test
  void aChannelMatchedSeveralWaysGetsOneDeliveryAndTheOrderIsTheIds() {
    List<AlertChannel> channels = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      channels.add(channel("c" + i, check("a"), group("g"), ChannelSubscription.toLabel("x=y", true)));
    }
    List<Recipient> routed = RoutingTable.of(channels).routedTo("a", "g", List.of("x=y"));
    assertEquals(20, routed.size());
    assertEquals(channels.stream().map(AlertChannel::id).sorted().toList(), routed.stream().map(Recipient::id).toList());
  }

  @Test
  void theTableIsACopyThatLaterChangesToTheEntityDoNotReach() {
    AlertChannel c = channel("pager");
    RoutingTable table = RoutingTable.of(List.of(c));
    c.alertOn(new AlertSettings(false, false, false, false, 30, false));
    c.supersedeOlder(false);
    c.rename("renamed");
    c.subscribe(List.of(check("other")));
    Recipient routed = table.routedTo("a", null, List.of()).get(0);
    assertEquals("pager", routed.name());
    assertTrue(routed.supersedesOlder());
    assertTrue(routed.alertSettings().wants(AlertKind.ALERT_FAILURE));
    assertFalse(RoutingTable.of(List.of(c)).routedTo("a", null, List.of()).stream().findAny().isPresent());
  }

  /** Every check and group against every kind of channel: the table and the console's per-channel rule agree. */
  @Test
  void theTableAndTheConsolesRuleForOneChannelAgree() {
    AlertChannel off = channel("off", check("a"));
    off.activate(false);
    List<AlertChannel> channels =
        List.of(
            channel("all"), channel("a", check("a")), channel("g", group("g")), channel("a-or-h", check("a"), group("h")),
            channel("paused-a", new ChannelSubscription("a", null, false)), off);
    RoutingTable table = RoutingTable.of(channels);
    for (String checkId : Arrays.asList("a", "b", null)) {
      for (String groupId : Arrays.asList("g", "h", null)) {
        List<String> expected = channels.stream().filter(c -> c.receivesAlertsOf(checkId, groupId)).map(AlertChannel::name).sorted().toList();
        assertEquals(expected, names(table.routedTo(checkId, groupId, List.of())), checkId + "/" + groupId);
      }
    }
  }
}
