package dev.alertwire.delivery.retention;

/**
 * How much of the H2 store to compact at a look. A compaction pass holds the store's lock while it rewrites
 * chunks, and every commit waits for it: a pass of 16 MiB took 0.1 to 1 s on a warm JVM, and right after a
 * start a thread dump showed 26 threads waiting behind one (docs/reliability.md, bug 11). So, as H2's own
 * background writer does, the long pass is kept for when the store is idle: nothing wrote to its file between
 * two looks, other than the compaction itself. While it is written to, one small step a look, so the file
 * stays bounded under writes that never pause.
 */
final class CompactionPace {
  /** Moves only when at most this percentage of the file is in use (H2's AUTO_COMPACT_FILL_RATE). */
  static final int MOVE_BELOW_FILL_RATE = 90;

  /** What a look should do. */
  enum Pass {
    /** The store was written to since the last look: one step. */
    BUSY,
    /** Nothing wrote since the last look: several steps, which stop when a write comes. */
    IDLE
  }

  /**
   * Idle looks in a row after which rewriting that has not cut the space allocated to chunks stops until the app
   * writes: 30 s at a look every 2 s, three times H2's retention time here, so chunks that a rewrite emptied
   * have been freed and counted.
   */
  static final int FRUITLESS_IDLE_LOOKS = 15;

  private long lastWrites = -1;
  /** The least space allocated to chunks seen at the end of an idle look since the app last wrote. */
  private long leastAllocated = Long.MAX_VALUE;
  private int idleLooksWithoutGain;
  private boolean rewritingGaveUp;
  /** Rewriting must free at least this much to count as progress: a step's budget. */
  private final long rewriteBytes;
  /**
   * About this much is moved at a time (or one chunk of up to four times it); the freeing that lifts a give-up
   * must be worth one move.
   */
  private final long moveBytes;
  /**
   * The fill rate the last series of moves that came to nothing started from (H2 found nothing to move, or a
   * file's worth of moves did not cut the file); none is tried again before the app writes, or before a move's
   * worth more of the file has been freed since.
   */
  private int fillRateAtGiveUp = Integer.MAX_VALUE;
  /** The lowest fill rate a move of the current series was allowed at: the file as it was before the moves. */
  private int seriesFillRate = Integer.MAX_VALUE;
  private long movesWithoutShrinking;

  CompactionPace(long moveBytes, long rewriteBytes) {
    this.moveBytes = moveBytes;
    this.rewriteBytes = rewriteBytes;
  }

  /**
   * @param storeWrites the store's count of file writes now (it only grows)
   */
  Pass next(long storeWrites) {
    boolean idle = storeWrites == lastWrites;
    lastWrites = storeWrites;
    if (!idle) {
      leastAllocated = Long.MAX_VALUE;
      idleLooksWithoutGain = 0;
      rewritingGaveUp = false;
      fillRateAtGiveUp = Integer.MAX_VALUE;
      seriesFillRate = Integer.MAX_VALUE;
      movesWithoutShrinking = 0;
    }
    return idle ? Pass.IDLE : Pass.BUSY;
  }

  /**
   * After a pass: its own writes are not activity, but the app's commits made meanwhile are.
   *
   * @param othersWrote whether anything else committed while the pass ran
   */
  void passDone(long storeWritesAfter, boolean othersWrote) {
    lastWrites = othersWrote ? -1 : storeWritesAfter;
  }

  /**
   * Whether an idle look should rewrite chunks. After the full delivery benchmark an idle app rewrote 16 MiB
   * steps for minutes with the file at 3.3 GB and not a byte given back, its resident memory going up and down
   * by 300 MB with the work: H2 keeps choosing chunks whose pages it does not rewrite, and chunks that the
   * rewriting itself wrote (docs/benchmarks.md, section 13). So rewriting stops after {@link
   * #FRUITLESS_IDLE_LOOKS} idle looks that did not lower the space allocated to chunks by a step's worth, until
   * the app writes again.
   */
  boolean mayRewrite() {
    return !rewritingGaveUp;
  }

  /**
   * At the end of an idle look.
   *
   * @param allocatedBytes the space allocated to chunks now (the file's size times its fill rate)
   */
  void idleLookDone(long allocatedBytes) {
    if (allocatedBytes <= leastAllocated - rewriteBytes || leastAllocated == Long.MAX_VALUE) {
      leastAllocated = Math.min(leastAllocated, allocatedBytes);
      idleLooksWithoutGain = 0;
    } else if (++idleLooksWithoutGain >= FRUITLESS_IDLE_LOOKS) {
      rewritingGaveUp = true;
    }
  }

  /**
   * Whether an idle look should move chunks, with this percentage of the file in use once its dead chunks are
   * freed. After moves that came to nothing, only a move's worth of newly freed space is a reason to try again
   * (more chunks outlived H2's retention time): the moves write small chunks of their own, which die and are
   * freed a few seconds later, and taking that for progress would start the same fruitless moves every few
   * seconds for as long as the app is idle.
   */
  boolean mayMove(int fillRate, long fileBytes) {
    if (fillRate > MOVE_BELOW_FILL_RATE) {
      return false;
    }
    if (fillRateAtGiveUp != Integer.MAX_VALUE && (long) (fillRateAtGiveUp - fillRate) * fileBytes / 100 < moveBytes) {
      return false;
    }
    seriesFillRate = Math.min(seriesFillRate, fillRate);
    return true;
  }

  /**
   * After a move: whether the look may go on moving.
   *
   * @param shrank the file is smaller than before the move
   * @param moved H2 copied chunks
   * @param fileBytes the file's size after
   * @param fillRate the percentage of it in use after
   */
  boolean moveDone(boolean shrank, boolean moved, long fileBytes, int fillRate) {
    if (shrank) {
      movesWithoutShrinking = 0;
      seriesFillRate = Integer.MAX_VALUE;
      return true;
    }
    if (!moved || ++movesWithoutShrinking > fileBytes / moveBytes + 1) {
      fillRateAtGiveUp = Math.min(seriesFillRate, fillRate);
      seriesFillRate = Integer.MAX_VALUE;
      movesWithoutShrinking = 0;
      return false;
    }
    return true;
  }
}
