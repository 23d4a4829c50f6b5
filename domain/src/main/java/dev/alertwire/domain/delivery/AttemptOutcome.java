package dev.alertwire.domain.delivery;

import java.time.Duration;
import java.util.Optional;

/** The result of one attempt: an HTTP status (with an optional Retry-After) or an error class. */
public record AttemptOutcome(Integer status, ErrorClass error, Duration retryAfter) {
  public static AttemptOutcome status(int status, Duration retryAfter) {
    return new AttemptOutcome(status, null, retryAfter);
  }

  public static AttemptOutcome error(ErrorClass error) {
    return new AttemptOutcome(null, error, null);
  }

  /** Like the hosted product: any response up to 399 is accepted; a 3xx is a final answer, not followed. */
  public boolean isSuccess() {
    return status != null && status < 400;
  }

  public boolean isGone() {
    return status != null && status == 410;
  }

  public boolean isRetryable() {
    if (status != null) {
      return status > 399 && status != 410;
    }
    return error != null && error.isTransient();
  }

  public Optional<Duration> retryAfterHint() {
    return status != null && (status == 429 || status == 503) ? Optional.ofNullable(retryAfter) : Optional.empty();
  }
}
