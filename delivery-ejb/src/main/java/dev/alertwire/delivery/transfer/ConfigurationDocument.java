package dev.alertwire.delivery.transfer;

import dev.alertwire.delivery.channel.ChannelInput;
import dev.alertwire.delivery.check.CheckInput;
import java.util.List;

/**
 * The whole configuration as one document, everything named by name so it can move between installations.
 * Secrets appear by name only: a locked variable without a value keeps the value stored under that name.
 */
public record ConfigurationDocument(
    List<VariableItem> variables, List<GroupItem> groups, List<CheckItem> checks, List<ChannelItem> channels) {

  public record VariableItem(String key, String value, boolean locked) {}

  public record GroupItem(CheckInput group, List<VariableItem> variables) {}

  /** {@code group} is the group's name. */
  public record CheckItem(CheckInput check, String group) {}

  /** Subscriptions name a check (by name and type) or a group (by name). */
  public record ChannelItem(ChannelInput channel, List<NamedSubscription> subscriptions) {}

  /** By check (name and type), group name, or label ({@code name=value}). */
  public record NamedSubscription(String checkName, String checkType, String groupName, String label, boolean activated) {
    public NamedSubscription(String checkName, String checkType, String groupName, boolean activated) {
      this(checkName, checkType, groupName, null, activated);
    }
  }
}
