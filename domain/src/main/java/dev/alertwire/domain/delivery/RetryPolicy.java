package dev.alertwire.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again. Defaults follow the hosted product: up to 5 retries, 20 s apart. {@code Retry-After} on
 * 429 and 503 is honoured up to {@code maxDelay}, so a receiver cannot park an alert for a day.
 */
public record RetryPolicy(int maxRetries, Duration delay, Backoff backoff, Duration maxDelay) {
  public static final int MAX_RETRIES_LIMIT = 20;
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(20), Backoff.FIXED, Duration.ofMinutes(10));

  public RetryPolicy {
    if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
      throw new IllegalArgumentException("retries must be between 0 and " + MAX_RETRIES_LIMIT);
    }
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("the retry delay must be zero or more");
    }
    backoff = backoff == null ? Backoff.FIXED : backoff;
    maxDelay = maxDelay == null || maxDelay.compareTo(delay) < 0 ? delay : maxDelay;
  }

  /**
   * @param attemptsMade attempts made so far, including the one that produced {@code outcome}
   * @return when the next attempt is due, or empty when the delivery is finished
   */
  public Optional<Instant> nextAttempt(int attemptsMade, AttemptOutcome outcome, Instant now, RandomGenerator random) {
    if (!outcome.isRetryable() || attemptsMade > maxRetries) {
      return Optional.empty();
    }
    Duration wait = outcome.retryAfterHint().map(this::bounded).orElseGet(() -> backoffAfter(attemptsMade, random));
    return Optional.of(now.plus(wait));
  }

  private Duration backoffAfter(int attemptsMade, RandomGenerator random) {
    if (backoff == Backoff.FIXED) {
      return delay;
    }
    long base = delay.toMillis();
    long grown = base << Math.min(attemptsMade - 1, 20);
    long capped = Math.min(grown, maxDelay.toMillis());
    long jitter = capped > base ? random.nextLong(capped - base + 1) : 0;
    return Duration.ofMillis(base + jitter);
  }

  private Duration bounded(Duration retryAfter) {
    if (retryAfter.isNegative()) {
      return delay;
    }
    return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
  }
}
