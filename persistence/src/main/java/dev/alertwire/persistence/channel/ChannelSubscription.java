package dev.alertwire.persistence.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A channel's subscription to one check or one group (a group covers all its checks). */
@Embeddable
public class ChannelSubscription {
  @Column(name = "check_id")
  private String checkId;

  @Column(name = "group_id")
  private String groupId;

  @Column(nullable = false)
  private boolean activated = true;

  protected ChannelSubscription() {}

  public ChannelSubscription(String checkId, String groupId, boolean activated) {
    this.checkId = checkId;
    this.groupId = groupId;
    this.activated = activated;
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
