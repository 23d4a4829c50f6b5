package dev.alertwire.persistence.check;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** When a channel last got an SSL expiry alert for a check. */
@Entity
@Table(name = "ssl_alert")
@IdClass(SslAlert.Key.class)
public class SslAlert {
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String channelId;
    private String checkId;

    public Key() {}

    public Key(String channelId, String checkId) {
      this.channelId = channelId;
      this.checkId = checkId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && java.util.Objects.equals(channelId, k.channelId) && java.util.Objects.equals(checkId, k.checkId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(channelId, checkId);
    }
  }

  @Id
  @Column(name = "channel_id")
  private String channelId;

  @Id
  @Column(name = "check_id")
  private String checkId;

  @Column(name = "sent_at", nullable = false)
  private long sentAt;

  protected SslAlert() {}

  SslAlert(String channelId, String checkId, Instant now) {
    this.channelId = channelId;
    this.checkId = checkId;
    this.sentAt = now.toEpochMilli();
  }

  boolean sendIfADayPassed(Instant now) {
    if (Duration.between(Instant.ofEpochMilli(sentAt), now).compareTo(Duration.ofDays(1)) < 0) {
      return false;
    }
    sentAt = now.toEpochMilli();
    return true;
  }
}
