package dev.alertwire.persistence.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An accepted alert: its event variables as the JSON object that arrived (kept verbatim so every retry and
 * redelivery renders from exactly the same data).
 */
@Entity
@Table(name = "alert_event")
public class AlertEvent {
  @Id private String id;

  @Column(name = "check_id")
  private String checkId;

  @Column(name = "alert_type")
  private String alertType;

  @Column(name = "occurred_at", nullable = false)
  private long occurredAt;

  @Column(name = "variables", nullable = false)
  private String variablesJson;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected AlertEvent() {}

  public AlertEvent(String checkId, String alertType, Instant occurredAt, String variablesJson, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.checkId = checkId;
    this.alertType = alertType;
    this.occurredAt = occurredAt.toEpochMilli();
    this.variablesJson = variablesJson;
    this.createdAt = now.toEpochMilli();
  }

  public String id() {
    return id;
  }

  public String checkId() {
    return checkId;
  }

  public String alertType() {
    return alertType;
  }

  /** The alert's own time: what {@code x-checkly-timestamp} carries, the same on every retry. */
  public Instant occurredAt() {
    return Instant.ofEpochMilli(occurredAt);
  }

  public String variablesJson() {
    return variablesJson;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }
}
