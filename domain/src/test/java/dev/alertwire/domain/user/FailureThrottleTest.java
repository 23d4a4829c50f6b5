package dev.alertwire.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {
  private static final Instant T0 = Instant.parse("2026-06-15T12:00:00Z");
  private static final FailureThrottle.Policy POLICY =
      new FailureThrottle.Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 1_000);

  @Test
  void fiveFailuresAreFreeThenTheWaitDoublesUpToFifteenMinutes() {
    for (int f = 0; f < 5; f++) {
      assertEquals(Duration.ZERO, POLICY.delayAfter(f), "failure " + f);
    }
    assertEquals(Duration.ofSeconds(1), POLICY.delayAfter(5));
    assertEquals(Duration.ofSeconds(2), POLICY.delayAfter(6));
    assertEquals(Duration.ofSeconds(4), POLICY.delayAfter(7));
    assertEquals(Duration.ofSeconds(512), POLICY.delayAfter(14));
    assertEquals(Duration.ofMinutes(15), POLICY.delayAfter(15));
    assertEquals(Duration.ofMinutes(15), POLICY.delayAfter(Integer.MAX_VALUE - 1));
  }

  @Test
  void theSixthAttemptInARowWaitsAndTheWaitGrows() {
    FailureThrottle throttle = new FailureThrottle(POLICY);
    Instant now = T0;
    for (int i = 1; i <= 4; i++) {
      assertEquals(Duration.ZERO, throttle.waitFor("k", now));
      assertEquals(Duration.ZERO, throttle.failed("k", now));
    }
    assertEquals(Duration.ofSeconds(1), throttle.failed("k", now), "the fifth failure starts the wait");
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("k", now));
    assertEquals(Duration.ofMillis(400), throttle.waitFor("k", now.plusMillis(600)));
    now = now.plusSeconds(1);
    assertEquals(Duration.ZERO, throttle.waitFor("k", now), "after the window the next attempt is looked at");
    assertEquals(Duration.ofSeconds(2), throttle.failed("k", now));
    now = now.plusSeconds(2);
    assertEquals(Duration.ofSeconds(4), throttle.failed("k", now));
    assertEquals(Duration.ZERO, throttle.waitFor("other", now), "keys are independent");
  }

  @Test
  void aSuccessClearsTheKey() {
    FailureThrottle throttle = new FailureThrottle(POLICY);
    for (int i = 0; i < 7; i++) {
      throttle.failed("k", T0);
    }
    throttle.succeeded("k");
    assertEquals(Duration.ZERO, throttle.waitFor("k", T0));
    assertEquals(0, throttle.failures("k", T0));
    assertEquals(Duration.ZERO, throttle.failed("k", T0), "counting starts over");
  }

  @Test
  void anHourWithoutAFailureStartsOver() {
    FailureThrottle throttle = new FailureThrottle(POLICY);
    for (int i = 0; i < 6; i++) {
      throttle.failed("k", T0);
    }
    assertEquals(6, throttle.failures("k", T0.plus(Duration.ofMinutes(59))));
    assertEquals(0, throttle.failures("k", T0.plusSeconds(2).plus(Duration.ofHours(1))));
    assertEquals(Duration.ZERO, throttle.failed("k", T0.plus(Duration.ofHours(2))));
  }

  @Test
  void memoryIsBoundedWhenNamesAreSprayed() {
    FailureThrottle throttle = new FailureThrottle(POLICY);
    Instant now = T0;
    for (int i = 0; i < 100_000; i++) {
      throttle.failed("spray-" + i, now);
      if (i % 10 == 0) {
        // A key under attack stays: it is used more recently than the sprayed ones.
        throttle.failed("hot", now);
      }
    }
    assertTrue(throttle.size() <= 1_000, "at most the capacity: " + throttle.size());
    assertEquals(Duration.ofMinutes(15), throttle.waitFor("hot", now), "the hot key is still locked");
  }

  @Test
  void forgottenKeysMakeRoomBeforeRecentOnes() {
    FailureThrottle throttle =
        new FailureThrottle(new FailureThrottle.Policy(1, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1), 3));
    throttle.failed("locked", T0);
    throttle.failed("old-1", T0.minus(Duration.ofMinutes(5)));
    throttle.failed("old-2", T0.minus(Duration.ofMinutes(5)));
    throttle.failed("new", T0);
    assertEquals(2, throttle.size(), "the two forgotten keys went, the locked one stayed");
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("locked", T0));
  }
}
