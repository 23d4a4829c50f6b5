package dev.alertwire.domain.check;

/** The hosted product's codes for what a result did to a check's alert state. */
public enum TransitionCode {
  NO_ALERT,
  ALERT_DEGRADED,
  ALERT_FAILURE,
  ALERT_DEGRADED_REMAIN,
  ALERT_DEGRADED_RECOVERY,
  ALERT_DEGRADED_FAILURE,
  ALERT_FAILURE_REMAIN,
  ALERT_FAILURE_DEGRADED,
  ALERT_RECOVERY
}
