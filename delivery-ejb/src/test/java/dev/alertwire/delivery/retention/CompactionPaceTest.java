package dev.alertwire.delivery.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.delivery.retention.CompactionPace.Pass;
import org.junit.jupiter.api.Test;

class CompactionPaceTest {
  private static final long MIB = 1 << 20;
  private final CompactionPace pace = new CompactionPace(16 * MIB, 16 * MIB);

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

  /**
   * After the full benchmark the idle app rewrote for minutes with the file at 3.3 GB and nothing given back
   * (section 13): half a minute of idle looks without a step's worth freed stops the rewriting.
   */
  @Test
  void rewritingThatGivesNothingBackStopsUntilTheAppWrites() {
    pace.next(100);
    assertEquals(Pass.IDLE, pace.next(100));
    pace.idleLookDone(4000 * MIB);
    pace.idleLookDone(3500 * MIB);
    for (int i = 0; i < CompactionPace.FRUITLESS_IDLE_LOOKS - 1; i++) {
      pace.idleLookDone(3500 * MIB - i * MIB); // a MiB a look: less than a step's worth
      assertTrue(pace.mayRewrite(), "look " + i);
    }
    pace.idleLookDone(3490 * MIB);
    assertFalse(pace.mayRewrite(), "half a minute without a step's worth freed");
    assertEquals(Pass.IDLE, pace.next(100));
    assertFalse(pace.mayRewrite(), "not while the app stays idle");
    assertEquals(Pass.BUSY, pace.next(101));
    assertTrue(pace.mayRewrite(), "the app wrote: rewriting again");
  }

  @Test
  void slowGainsAddUp() {
    pace.next(100);
    pace.idleLookDone(1000 * MIB);
    for (int i = 1; i <= 3 * CompactionPace.FRUITLESS_IDLE_LOOKS; i++) {
      pace.idleLookDone(1000 * MIB - i * 2 * MIB); // 2 MiB a look: a step's worth every eight looks
    }
    assertTrue(pace.mayRewrite());
  }

  @Test
  void aFileMostlyInUseIsNotMoved() {
    assertFalse(pace.mayMove(91, 1800 * MIB));
    assertTrue(pace.mayMove(90, 1800 * MIB));
  }

  /**
   * The bug of the first version: the first idle look after load found the file 96 % in use (the chunks that
   * died in the last 45 s not yet freed), so nothing moved, and no move was tried again before the app wrote.
   * The looks after it freed those chunks, 41 % of the file stayed in use, and the 1.7 GB file was never cut.
   */
  @Test
  void movesThatCameToNothingAreTriedAgainOnceMoreOfTheFileIsFree() {
    pace.next(100);
    assertEquals(Pass.IDLE, pace.next(100));
    assertTrue(pace.mayMove(88, 1800 * MIB));
    assertFalse(pace.moveDone(false, false, 1800 * MIB, 88), "H2 found nothing to move");
    assertFalse(pace.mayMove(88, 1800 * MIB), "not again at the same fill rate");
    assertFalse(pace.mayMove(87, 1000 * MIB), "nor for less than a move's worth freed (1 % of 1,000 MiB)");
    assertTrue(pace.mayMove(86, 1000 * MIB), "but for a move's worth (2 %: 20 MiB)");
    assertTrue(pace.mayMove(41, 1800 * MIB), "or more");
  }

  /**
   * Moves write chunks of their own, dead soon after and freed at a later look: a fill rate a point lower than
   * after the moves is not new free space. On a small file a point is little, and taking it for progress started
   * a file's worth of fruitless moves every few seconds.
   */
  @Test
  void theMovesOwnChunksFreedLaterDoNotStartThemAgain() {
    pace.next(100);
    pace.next(100);
    assertTrue(pace.mayMove(40, 40 * MIB));
    int moves = 1;
    while (pace.moveDone(false, true, 40 * MIB, 41)) { // moved, the file not cut, its own chunks counted
      assertTrue(pace.mayMove(41, 40 * MIB));
      moves++;
    }
    assertEquals(4, moves, "a file's worth (40 MiB in 16 MiB moves: 2) and one more, then the give-up");
    assertFalse(pace.mayMove(40, 40 * MIB), "the moves' own chunks freed: back where the moves started");
    assertFalse(pace.mayMove(39, 40 * MIB));
    assertTrue(pace.mayMove(0, 40 * MIB), "16 MiB freed since: worth a move");
  }

  @Test
  void movesThatNeverCutTheFileStopAfterAFilesWorthAndAShrinkStartsTheCountAgain() {
    pace.next(100);
    pace.next(100);
    int moves = 0;
    while (pace.moveDone(false, true, 160 * MIB, 40)) {
      moves++;
    }
    assertEquals(11, moves, "a file's worth (160 MiB in 16 MiB moves) and one more");
    assertFalse(pace.mayMove(40, 160 * MIB));

    pace.next(200); // the app wrote
    for (int i = 0; i < 10; i++) {
      assertTrue(pace.moveDone(false, true, 160 * MIB, 40));
    }
    assertTrue(pace.moveDone(true, true, 150 * MIB, 40), "a move that cuts the file");
    moves = 0;
    while (pace.moveDone(false, true, 150 * MIB, 40)) {
      moves++;
    }
    assertEquals(10, moves, "and the count starts again after it: 150 MiB in 16 MiB moves, and one more");
  }

  @Test
  void theAppWritingAgainLiftsTheStop() {
    pace.next(100);
    pace.next(100);
    pace.moveDone(false, false, 100 * MIB, 50);
    assertFalse(pace.mayMove(50, 100 * MIB));
    assertEquals(Pass.BUSY, pace.next(101));
    assertTrue(pace.mayMove(50, 100 * MIB));
  }
}
