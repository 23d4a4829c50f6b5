package dev.alertwire.persistence.event;

import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.TimeOrderedId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An accepted alert: its event variables as the JSON object that arrived (kept verbatim so every retry and
 * redelivery renders from exactly the same data).
 */
@Entity
@Table(name = "alert_event")
public class AlertEvent {
  /**
   * The history's type of a reminder: the failure alert sent again (its ALERT_TYPE stays ALERT_FAILURE, with
   * IS_REMINDER true, as in the hosted product), stored as its own type so the history can show and filter it.
   */
  public static final String REMINDER = "REMINDER";

  /** The stored type of an event: {@link #REMINDER} for a reminder, else its alert type. */
  public static String historyType(String alertType, boolean reminder) {
    return reminder ? REMINDER : alertType;
  }

  /** The capacity of the variables column (characters): a body under the 1 MiB byte limit can exceed it. */
  public static final int MAX_VARIABLES_LENGTH = 1_000_000;

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
    this.id = TimeOrderedId.at(now);
    this.checkId = checkId;
    this.alertType = alertType;
    this.occurredAt = occurredAt.toEpochMilli();
    this.variablesJson = storable(variablesJson);
    this.createdAt = now.toEpochMilli();
  }

  /** Refuses, as input, event variables the column cannot hold, instead of failing in the database. */
  public static String storable(String variablesJson) {
    if (variablesJson != null && variablesJson.length() > MAX_VARIABLES_LENGTH) {
      throw new InvalidInputException(
          "body", "the alert's variables take " + variablesJson.length() + " characters; at most " + MAX_VARIABLES_LENGTH + " can be stored");
    }
    return variablesJson;
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
