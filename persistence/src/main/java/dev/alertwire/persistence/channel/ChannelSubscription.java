package dev.alertwire.persistence.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A channel's subscription to one check, one group (a group covers all its checks), or one label
 * ({@code name=value}: every alert whose LABELS hold that pair, as Alertmanager's and Grafana's alerts do).
 */
@Embeddable
public class ChannelSubscription {
  @Column(name = "check_id")
  private String checkId;

  @Column(name = "group_id")
  private String groupId;

  @Column(name = "label")
  private String label;

  @Column(nullable = false)
  private boolean activated = true;

  protected ChannelSubscription() {}

  public ChannelSubscription(String checkId, String groupId, boolean activated) {
    this.checkId = checkId;
    this.groupId = groupId;
    this.activated = activated;
  }

  /** A subscription to alerts labelled {@code name=value}. */
  public static ChannelSubscription toLabel(String label, boolean activated) {
    ChannelSubscription s = new ChannelSubscription(null, null, activated);
    s.label = label;
    return s;
  }

  /** {@code name=value}, or null for a check's or group's subscription. */
  public String label() {
    return label;
  }

  public String checkId() {
    return checkId;
  }

  public String groupId() {
    return groupId;
  }

  public boolean activated() {
    return activated;
  }
}
