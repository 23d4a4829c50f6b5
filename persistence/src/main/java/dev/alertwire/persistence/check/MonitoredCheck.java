package dev.alertwire.persistence.check;

import dev.alertwire.domain.check.AlertState;
import dev.alertwire.domain.check.AlertStateMachine;
import dev.alertwire.domain.check.CheckAlertStatus;
import dev.alertwire.domain.check.Reminders;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A check whose results arrive from elsewhere, with its alert state. The state lives in the row, so
 * escalation, reminders and recoveries survive restarts.
 */
@Entity
@Table(name = "monitored_check")
public class MonitoredCheck {
  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(name = "check_type", nullable = false)
  private String checkType;

  private String description;

  @Column(name = "tags", nullable = false)
  private String tagsJson = "[]";

  @Column(name = "group_id")
  private String groupId;

  @Column(nullable = false)
  private boolean activated = true;

  @Column(nullable = false)
  private boolean muted;

  @Column(name = "use_group_settings", nullable = false)
  private boolean useGroupSettings = true;

  @Embedded private AlertingSettings settings = new AlertingSettings();

  @Enumerated(EnumType.STRING)
  @Column(name = "alert_state", nullable = false)
  private AlertState state = AlertState.PASSING;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "failing_since")
  private Long failingSince;

  @Column(name = "consecutive_degraded", nullable = false)
  private int consecutiveDegraded;

  @Column(name = "degraded_since")
  private Long degradedSince;

  @Column(name = "failure_alerted", nullable = false)
  private boolean failureAlerted;

  @Column(name = "degraded_alerted", nullable = false)
  private boolean degradedAlerted;

  @Column(name = "last_result_at")
  private Long lastResultAt;

  @Column(name = "last_failure_result_id")
  private String lastFailureResultId;

  @Column(name = "reminders_sent", nullable = false)
  private int remindersSent;

  @Column(name = "next_reminder_at")
  private Long nextReminderAt;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  @Version private long version;

  protected MonitoredCheck() {}

  public MonitoredCheck(String name, String checkType, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.checkType = checkType;
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
  }

  public void describe(
      String name, String checkType, String description, List<String> tags, String groupId, Instant now) {
    this.name = name;
    this.checkType = checkType;
    this.description = description;
    this.tagsJson = Tags.toJson(tags);
    this.groupId = groupId;
    this.updatedAt = now.toEpochMilli();
  }

  public void configureAlerting(boolean activated, boolean muted, boolean useGroupSettings, AlertingSettings settings) {
    this.activated = activated;
    this.muted = muted;
    this.useGroupSettings = useGroupSettings;
    this.settings = settings;
  }

  public CheckAlertStatus alertStatus() {
    return new CheckAlertStatus(
        state,
        consecutiveFailures,
        failingSince == null ? null : Instant.ofEpochMilli(failingSince),
        consecutiveDegraded,
        degradedSince == null ? null : Instant.ofEpochMilli(degradedSince),
        failureAlerted,
        degradedAlerted);
  }

  /**
   * Takes the state machine's step for a result. A failure alert that went out starts the reminders;
   * leaving the failing state stops them.
   */
  public void record(AlertStateMachine.Step step, String resultId, Reminders reminders, Instant now) {
    CheckAlertStatus s = step.status();
    boolean failureSentNow = step.alert().map(a -> a == dev.alertwire.domain.check.AlertKind.ALERT_FAILURE).orElse(false);
    this.state = s.state();
    this.consecutiveFailures = s.consecutiveFailures();
    this.failingSince = s.failingSince() == null ? null : s.failingSince().toEpochMilli();
    this.consecutiveDegraded = s.consecutiveDegraded();
    this.degradedSince = s.degradedSince() == null ? null : s.degradedSince().toEpochMilli();
    this.failureAlerted = s.failureAlerted();
    this.degradedAlerted = s.degradedAlerted();
    this.lastResultAt = now.toEpochMilli();
    if (failureSentNow) {
      this.lastFailureResultId = resultId;
      this.remindersSent = 0;
      this.nextReminderAt = reminders.next(0, now).map(Instant::toEpochMilli).orElse(null);
    } else if (state != AlertState.FAILING || !failureAlerted) {
      this.nextReminderAt = null;
    }
  }

  /** A reminder went out; plan the next one, if any remain. */
  public int reminded(Reminders reminders, Instant now) {
    this.remindersSent++;
    this.nextReminderAt = reminders.next(remindersSent, now).map(Instant::toEpochMilli).orElse(null);
    return remindersSent;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String checkType() {
    return checkType;
  }

  public String description() {
    return description;
  }

  public List<String> tags() {
    return Tags.fromJson(tagsJson);
  }

  public Optional<String> groupId() {
    return Optional.ofNullable(groupId);
  }

  public boolean activated() {
    return activated;
  }

  public boolean muted() {
    return muted;
  }

  public boolean usesGroupSettings() {
    return useGroupSettings;
  }

  public AlertingSettings ownSettings() {
    return settings;
  }

  public AlertState state() {
    return state;
  }

  public Optional<String> lastFailureResultId() {
    return Optional.ofNullable(lastFailureResultId);
  }

  public int remindersSent() {
    return remindersSent;
  }

  public Optional<Instant> nextReminderAt() {
    return Optional.ofNullable(nextReminderAt).map(Instant::ofEpochMilli);
  }

  public Optional<Instant> lastResultAt() {
    return Optional.ofNullable(lastResultAt).map(Instant::ofEpochMilli);
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }
}
