package dev.alertwire.delivery.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alertwire.delivery.retention.CompactionPace.Pass;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CompactionPaceTest {
  private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
  private final CompactionPace pace = new CompactionPace(Duration.ofSeconds(60));

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void theFirstLookOnlyLearnsTheCount() {
    assertEquals(Pass.NONE, pace.next(100, at(0)));
    assertEquals(Pass.IDLE, pace.next(100, at(2)), "nothing written between the two looks");
  }

  @Test
  void aStoreThatIsWrittenIsLeftAloneUntilItPauses() {
    pace.next(100, at(0));
    assertEquals(Pass.NONE, pace.next(140, at(2)));
    assertEquals(Pass.NONE, pace.next(190, at(4)));
    assertEquals(Pass.IDLE, pace.next(190, at(6)));
  }

  @Test
  void theCompactionsOwnWritesAreNotTakenForActivity() {
    pace.next(100, at(0));
    assertEquals(Pass.IDLE, pace.next(100, at(2)));
    pace.passDone(130, at(3)); // the pass wrote 30 times itself
    assertEquals(Pass.IDLE, pace.next(130, at(4)), "idle still: only the pass wrote");
    assertEquals(Pass.NONE, pace.next(131, at(6)), "a commit came");
  }

  @Test
  void writesThatNeverPauseGetAForcedStepEveryMinute() {
    long writes = 100;
    pace.next(writes, at(0));
    for (int s = 2; s < 60; s += 2) {
      assertEquals(Pass.NONE, pace.next(writes += 10, at(s)), "at " + s + " s");
    }
    assertEquals(Pass.FORCED, pace.next(writes += 10, at(60)));
    pace.passDone(writes += 5, at(60));
    assertEquals(Pass.NONE, pace.next(writes += 10, at(62)), "the minute starts again after a pass");
    assertEquals(Pass.FORCED, pace.next(writes += 10, at(120)));
  }

  @Test
  void anIdlePassAlsoPutsOffTheNextForcedOne() {
    pace.next(100, at(0));
    pace.next(100, at(50));
    pace.passDone(100, at(50));
    assertEquals(Pass.NONE, pace.next(120, at(70)), "20 s after the idle pass");
    assertEquals(Pass.FORCED, pace.next(140, at(110)));
  }
}
