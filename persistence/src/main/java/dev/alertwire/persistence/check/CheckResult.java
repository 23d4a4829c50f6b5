package dev.alertwire.persistence.check;

import dev.alertwire.domain.check.TransitionCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One reported result and what it did to the check's alert state; its variables feed alerts and reminders. */
@Entity
@Table(name = "check_result")
public class CheckResult {
  @Id private String id;

  @Column(name = "check_id", nullable = false)
  private String checkId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TransitionCode transition;

  @Column(name = "has_failures", nullable = false)
  private boolean hasFailures;

  @Column(name = "is_degraded", nullable = false)
  private boolean isDegraded;

  @Column(name = "started_at", nullable = false)
  private long startedAt;

  @Column(name = "variables", nullable = false)
  private String variablesJson;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected CheckResult() {}

  public CheckResult(String id, String checkId, boolean hasFailures, boolean isDegraded, Instant startedAt, Instant now) {
    this.id = id == null ? UUID.randomUUID().toString() : id;
    this.checkId = checkId;
    this.hasFailures = hasFailures;
    this.isDegraded = isDegraded;
    this.startedAt = startedAt.toEpochMilli();
    this.createdAt = now.toEpochMilli();
    this.transition = TransitionCode.NO_ALERT;
    this.variablesJson = "{}";
  }

  public void conclude(TransitionCode transition, String variablesJson) {
    this.transition = transition;
    this.variablesJson = dev.alertwire.persistence.event.AlertEvent.storable(variablesJson);
  }

  public String id() {
    return id;
  }

  public String checkId() {
    return checkId;
  }

  public TransitionCode transition() {
    return transition;
  }

  public String variablesJson() {
    return variablesJson;
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }
}
