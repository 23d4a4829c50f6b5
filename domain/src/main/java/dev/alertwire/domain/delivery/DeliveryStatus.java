package dev.alertwire.domain.delivery;

/** Where a delivery stands. Only PENDING, RATE_LIMITED and RETRYING are unfinished. */
public enum DeliveryStatus {
  PENDING,
  RATE_LIMITED,
  RETRYING,
  SUCCEEDED,
  FAILED,
  SUPERSEDED,
  CANCELLED;

  public boolean isFinished() {
    return this != PENDING && this != RATE_LIMITED && this != RETRYING;
  }
}
