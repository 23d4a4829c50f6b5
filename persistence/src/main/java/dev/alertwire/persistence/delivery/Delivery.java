package dev.alertwire.persistence.delivery;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.persistence.TimeOrderedId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One alert event going to one channel: the unit of work of the outbox. The row is the truth; timers only
 * wake the dispatcher to look at due rows. Its id travels as {@code x-alertwire-delivery-id} on every
 * attempt so receivers can drop repeats.
 */
@Entity
@Table(name = "delivery")
public class Delivery {
  @Id private String id;

  @Column(name = "event_id", nullable = false)
  private String eventId;

  @Column(name = "channel_id")
  private String channelId;

  @Column(name = "check_id")
  private String checkId;

  /** The event's, copied when the delivery is written (V13): the history filters on it without a join. */
  @Column(name = "alert_type")
  private String alertType;

  @Column(name = "channel_name", nullable = false)
  private String channelName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Long nextAttemptAt;

  @Column(name = "lease_owner")
  private String leaseOwner;

  @Column(name = "lease_until")
  private Long leaseUntil;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "finished_at")
  private Long finishedAt;

  @Version private long version;

  protected Delivery() {}

  public Delivery(
      String eventId, String checkId, String alertType, String channelId, String channelName, DeliveryKind kind, Instant now) {
    this.id = TimeOrderedId.at(now);
    this.eventId = eventId;
    this.checkId = checkId;
    this.alertType = alertType;
    this.channelId = channelId;
    this.channelName = channelName;
    this.kind = kind;
    this.status = DeliveryStatus.PENDING;
    this.nextAttemptAt = now.toEpochMilli();
    this.createdAt = now.toEpochMilli();
  }

  /** Records an attempt's outcome: another attempt at {@code next}, or finished with {@code finalStatus}. */
  public void attempted(Integer httpStatus, String error, Instant next, DeliveryStatus finalStatus, Instant now) {
    this.attempts++;
    this.lastStatus = httpStatus;
    this.lastError = error == null || error.length() <= 4000 ? error : error.substring(0, 4000);
    this.leaseOwner = null;
    this.leaseUntil = null;
    if (next != null) {
      this.status = DeliveryStatus.RETRYING;
      this.nextAttemptAt = next.toEpochMilli();
    } else {
      finish(finalStatus, now);
    }
  }

  public void cancel(String reason, Instant now) {
    this.lastError = reason;
    finish(DeliveryStatus.CANCELLED, now);
  }

  public void finish(DeliveryStatus finalStatus, Instant now) {
    this.status = finalStatus;
    this.nextAttemptAt = null;
    this.leaseOwner = null;
    this.leaseUntil = null;
    this.finishedAt = now.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public String eventId() {
    return eventId;
  }

  public String alertType() {
    return alertType;
  }

  public String checkId() {
    return checkId;
  }

  public String channelId() {
    return channelId;
  }

  public String channelName() {
    return channelName;
  }

  public DeliveryKind kind() {
    return kind;
  }

  public DeliveryStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt == null ? null : Instant.ofEpochMilli(nextAttemptAt);
  }

  public String leaseOwner() {
    return leaseOwner;
  }

  public Integer lastStatus() {
    return lastStatus;
  }

  public String lastError() {
    return lastError;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Instant finishedAt() {
    return finishedAt == null ? null : Instant.ofEpochMilli(finishedAt);
  }
}
