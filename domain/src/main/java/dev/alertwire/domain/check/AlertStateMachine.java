package dev.alertwire.domain.check;

import java.time.Instant;
import java.util.Optional;

/**
 * From a check's status and a new result to its next status, the transition code, and the alert to send.
 * Failing wins over degraded in a result. Escalation thresholds apply when leaving passing; moves between
 * degraded and failing alert at once. A muted check changes state but sends nothing, and so later sends no
 * recovery for an alert nobody got.
 */
public final class AlertStateMachine {
  private AlertStateMachine() {}

  /** The outcome of one result. */
  public record Step(CheckAlertStatus status, TransitionCode code, Optional<AlertKind> alert) {}

  public static Step apply(
      CheckAlertStatus current, boolean hasFailures, boolean isDegraded, Escalation escalation, boolean muted, Instant now) {
    AlertState target = hasFailures ? AlertState.FAILING : isDegraded ? AlertState.DEGRADED : AlertState.PASSING;
    int failures = target == AlertState.FAILING ? current.consecutiveFailures() + 1 : 0;
    Instant failingSince =
        target == AlertState.FAILING ? (current.failingSince() == null ? now : current.failingSince()) : null;
    int degraded = target == AlertState.DEGRADED ? current.consecutiveDegraded() + 1 : 0;
    Instant degradedSince =
        target == AlertState.DEGRADED ? (current.degradedSince() == null ? now : current.degradedSince()) : null;

    AlertState state = current.state();
    TransitionCode code;
    AlertKind alert = null;
    AlertState next = state;
    switch (state) {
      case PASSING -> {
        if (target == AlertState.FAILING && escalation.reached(failures, failingSince, now)) {
          next = AlertState.FAILING;
          code = TransitionCode.ALERT_FAILURE;
          alert = AlertKind.ALERT_FAILURE;
        } else if (target == AlertState.DEGRADED && escalation.reached(degraded, degradedSince, now)) {
          next = AlertState.DEGRADED;
          code = TransitionCode.ALERT_DEGRADED;
          alert = AlertKind.ALERT_DEGRADED;
        } else {
          code = TransitionCode.NO_ALERT;
        }
      }
      case FAILING -> {
        if (target == AlertState.FAILING) {
          code = TransitionCode.ALERT_FAILURE_REMAIN;
        } else if (target == AlertState.DEGRADED) {
          next = AlertState.DEGRADED;
          code = TransitionCode.ALERT_FAILURE_DEGRADED;
          alert = AlertKind.ALERT_DEGRADED;
        } else {
          next = AlertState.PASSING;
          code = TransitionCode.ALERT_RECOVERY;
          alert = current.failureAlerted() ? AlertKind.ALERT_RECOVERY : null;
        }
      }
      default -> {
        if (target == AlertState.DEGRADED) {
          code = TransitionCode.ALERT_DEGRADED_REMAIN;
        } else if (target == AlertState.FAILING) {
          next = AlertState.FAILING;
          code = TransitionCode.ALERT_DEGRADED_FAILURE;
          alert = AlertKind.ALERT_FAILURE;
        } else {
          next = AlertState.PASSING;
          code = TransitionCode.ALERT_DEGRADED_RECOVERY;
          alert = current.degradedAlerted() ? AlertKind.ALERT_DEGRADED_RECOVERY : null;
        }
      }
    }
    if (muted) {
      alert = null;
    }
    boolean failureAlerted =
        next == AlertState.FAILING && (alert == AlertKind.ALERT_FAILURE || (state == AlertState.FAILING && current.failureAlerted()));
    boolean degradedAlerted =
        next == AlertState.DEGRADED && (alert == AlertKind.ALERT_DEGRADED || (state == AlertState.DEGRADED && current.degradedAlerted()));
    CheckAlertStatus status =
        new CheckAlertStatus(next, failures, failingSince, degraded, degradedSince, failureAlerted, degradedAlerted);
    return new Step(status, code, Optional.ofNullable(alert));
  }
}
