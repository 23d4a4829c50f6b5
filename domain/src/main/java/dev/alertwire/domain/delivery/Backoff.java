package dev.alertwire.domain.delivery;

/** How the wait between retries grows. */
public enum Backoff {
  /** The same delay every time, as the hosted product does (5 x 20 s). */
  FIXED,
  /** Doubles each retry, with full jitter on the added part, capped at the policy's maximum. */
  EXPONENTIAL
}
