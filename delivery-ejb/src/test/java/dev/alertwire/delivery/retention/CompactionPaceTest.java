package dev.alertwire.delivery.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alertwire.delivery.retention.CompactionPace.Pass;
import org.junit.jupiter.api.Test;

class CompactionPaceTest {
  private final CompactionPace pace = new CompactionPace();

  @Test
  void theFirstLookCannotKnowWhetherTheStoreWasIdle() {
    assertEquals(Pass.BUSY, pace.next(100));
    assertEquals(Pass.IDLE, pace.next(100), "nothing written between the two looks");
  }

  @Test
  void aStoreThatIsWrittenGetsOneStepALookUntilItPauses() {
    pace.next(100);
    assertEquals(Pass.BUSY, pace.next(140));
    assertEquals(Pass.BUSY, pace.next(190));
    assertEquals(Pass.IDLE, pace.next(190));
    assertEquals(Pass.BUSY, pace.next(191), "one commit is activity");
  }

  @Test
  void theCompactionsOwnWritesAreNotTakenForActivity() {
    pace.next(100);
    assertEquals(Pass.IDLE, pace.next(100));
    pace.passDone(130, false); // the pass wrote 30 times itself
    assertEquals(Pass.IDLE, pace.next(130), "idle still: only the pass wrote");
    pace.passDone(150, false);
    assertEquals(Pass.BUSY, pace.next(151), "a commit came after the pass");
  }

  @Test
  void aCommitMadeDuringThePassIsActivityEvenIfTheFileCountDoesNotShowIt() {
    pace.next(100);
    assertEquals(Pass.IDLE, pace.next(100));
    pace.passDone(130, true); // the app committed while the pass ran: its writes are in the 30
    assertEquals(Pass.BUSY, pace.next(130));
    assertEquals(Pass.IDLE, pace.next(130), "and idle again once nothing more came");
  }
}
