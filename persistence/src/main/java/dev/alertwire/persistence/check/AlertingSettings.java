package dev.alertwire.persistence.check;

import dev.alertwire.domain.check.Escalation;
import dev.alertwire.domain.check.Reminders;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Escalation and reminder settings, as a check or a group carries them. */
@Embeddable
public class AlertingSettings {
  @Enumerated(EnumType.STRING)
  @Column(name = "escalation_type", nullable = false)
  private Escalation.Type escalationType = Escalation.Type.RUN_BASED;

  @Column(name = "failed_run_threshold", nullable = false)
  private int failedRunThreshold = 1;

  @Column(name = "minutes_failing", nullable = false)
  private int minutesFailing = 5;

  @Column(name = "reminder_amount", nullable = false)
  private int reminderAmount = 0;

  @Column(name = "reminder_interval", nullable = false)
  private int reminderInterval = 5;

  public AlertingSettings() {}

  public AlertingSettings(Escalation escalation, Reminders reminders) {
    this.escalationType = escalation.type();
    this.failedRunThreshold = escalation.failedRuns();
    this.minutesFailing = escalation.minutesFailing();
    this.reminderAmount = reminders.amount();
    this.reminderInterval = reminders.intervalMinutes();
  }

  public Escalation escalation() {
    return new Escalation(escalationType, failedRunThreshold, minutesFailing);
  }

  public Reminders reminders() {
    return new Reminders(reminderAmount, reminderInterval);
  }
}
