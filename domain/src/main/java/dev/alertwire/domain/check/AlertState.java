package dev.alertwire.domain.check;

/** A check's alert state: what it has alerted about, after escalation thresholds. */
public enum AlertState {
  PASSING,
  DEGRADED,
  FAILING
}
