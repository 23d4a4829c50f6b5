package dev.alertwire.persistence.channel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The routing rule, the one place it is written: an alert about a check goes to every activated channel
 * subscribed (with an activated subscription) to the check, its group or one of its labels
 * ({@code name=value}), and to every activated channel with no subscription at all, the catch-all channels.
 * A channel that has subscriptions, none of which match, does not get it, even if those subscriptions are all
 * deactivated. {@link AlertChannel#receivesAlertsOf} states the same rule for one channel, for the console.
 *
 * <p>Made once from the channels as they are read and kept while they stay as they are ({@link
 * ChannelRouting}): immutable, so any number of threads route through one table.
 */
public final class RoutingTable {
  private final List<Recipient> catchAll;
  private final Map<String, List<Recipient>> byCheck;
  private final Map<String, List<Recipient>> byGroup;
  private final Map<String, List<Recipient>> byLabel;

  private RoutingTable(
      List<Recipient> catchAll, Map<String, List<Recipient>> byCheck, Map<String, List<Recipient>> byGroup, Map<String, List<Recipient>> byLabel) {
    this.catchAll = catchAll;
    this.byCheck = byCheck;
    this.byGroup = byGroup;
    this.byLabel = byLabel;
  }

  /** The table for these channels; deactivated ones among them are left out. */
  public static RoutingTable of(Collection<AlertChannel> channels) {
    List<Recipient> catchAll = new ArrayList<>();
    Map<String, List<Recipient>> byCheck = new HashMap<>();
    Map<String, List<Recipient>> byGroup = new HashMap<>();
    Map<String, List<Recipient>> byLabel = new HashMap<>();
    for (AlertChannel channel : channels) {
      if (!channel.activated()) {
        continue;
      }
      Recipient recipient = Recipient.of(channel);
      List<ChannelSubscription> subscriptions = channel.subscriptions();
      if (subscriptions.isEmpty()) {
        catchAll.add(recipient);
      }
      for (ChannelSubscription s : subscriptions) {
        if (s.activated()) {
          add(byCheck, s.checkId(), recipient);
          add(byGroup, s.groupId(), recipient);
          add(byLabel, s.label(), recipient);
        }
      }
    }
    return new RoutingTable(List.copyOf(catchAll), byCheck, byGroup, byLabel);
  }

  private static void add(Map<String, List<Recipient>> index, String key, Recipient recipient) {
    if (key != null) {
      index.computeIfAbsent(key, k -> new ArrayList<>()).add(recipient);
    }
  }

  /**
   * The channels an alert goes to, each once, in the order of their ids.
   *
   * @param checkId the alert's check, or null
   * @param groupId the check's group (or the one the alert names), or null
   * @param labels the alert's labels as {@code name=value}
   */
  public List<Recipient> routedTo(String checkId, String groupId, Collection<String> labels) {
    TreeSet<Recipient> routed = new TreeSet<>(Comparator.comparing(Recipient::id));
    routed.addAll(catchAll);
    if (checkId != null) {
      routed.addAll(byCheck.getOrDefault(checkId, List.of()));
    }
    if (groupId != null) {
      routed.addAll(byGroup.getOrDefault(groupId, List.of()));
    }
    for (String label : labels) {
      routed.addAll(byLabel.getOrDefault(label, List.of()));
    }
    return List.copyOf(routed);
  }
}
