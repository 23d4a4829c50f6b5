package dev.alertwire.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  private final Random random = new Random(42);

  @Test
  void defaultsAreFiveRetriesTwentySecondsApart() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertEquals(Optional.of(NOW.plusSeconds(20)), p.nextAttempt(attempt, AttemptOutcome.status(500, null), NOW, random));
    }
    assertEquals(Optional.empty(), p.nextAttempt(6, AttemptOutcome.status(500, null), NOW, random), "6 attempts in all");
  }

  @Test
  void retriesOnStatusAbove399AndTransientErrorsOnly() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    assertTrue(p.nextAttempt(1, AttemptOutcome.status(400, null), NOW, random).isPresent());
    assertTrue(p.nextAttempt(1, AttemptOutcome.error(ErrorClass.TIMEOUT), NOW, random).isPresent());
    assertTrue(p.nextAttempt(1, AttemptOutcome.error(ErrorClass.CONNECTION_REFUSED), NOW, random).isPresent());
    assertTrue(p.nextAttempt(1, AttemptOutcome.status(399, null), NOW, random).isEmpty());
    assertTrue(p.nextAttempt(1, AttemptOutcome.status(302, null), NOW, random).isEmpty(), "3xx is final");
    assertTrue(p.nextAttempt(1, AttemptOutcome.status(410, null), NOW, random).isEmpty(), "410 is never retried");
    assertTrue(p.nextAttempt(1, AttemptOutcome.error(ErrorClass.INVALID_REQUEST), NOW, random).isEmpty());
    assertTrue(p.nextAttempt(1, AttemptOutcome.error(ErrorClass.ADDRESS_REFUSED), NOW, random).isEmpty(), "refused by the outbound policy");
  }

  @Test
  void retryAfterIsHonouredWithinTheBound() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    assertEquals(Optional.of(NOW.plusSeconds(90)), p.nextAttempt(1, AttemptOutcome.status(429, Duration.ofSeconds(90)), NOW, random));
    assertEquals(Optional.of(NOW.plus(p.maxDelay())), p.nextAttempt(1, AttemptOutcome.status(503, Duration.ofDays(1)), NOW, random));
    assertEquals(Optional.of(NOW.plusSeconds(20)), p.nextAttempt(1, AttemptOutcome.status(500, Duration.ofSeconds(90)), NOW, random), "only on 429 and 503");
  }

  @Test
  void exponentialBackoffGrowsWithJitterAndIsCapped() {
    RetryPolicy p = new RetryPolicy(20, Duration.ofSeconds(1), Backoff.EXPONENTIAL, Duration.ofSeconds(30));
    for (int attempt = 1; attempt <= 20; attempt++) {
      Duration wait = Duration.between(NOW, p.nextAttempt(attempt, AttemptOutcome.status(500, null), NOW, random).orElseThrow());
      long cap = Math.min(1000L << (attempt - 1), 30_000);
      assertTrue(wait.toMillis() >= 1000 && wait.toMillis() <= cap, attempt + ": " + wait);
    }
  }

  @Test
  void refusesOutOfRangeSettings() {
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(21, Duration.ofSeconds(1), Backoff.FIXED, null));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1, Duration.ofSeconds(1), Backoff.FIXED, null));
  }
}
