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
  /** What a look should do. */
  enum Pass {
    /** The store was written to since the last look: one step. */
    BUSY,
    /** Nothing wrote since the last look: several steps, which stop when a write comes. */
    IDLE
  }

  private long lastWrites = -1;

  /**
   * @param storeWrites the store's count of file writes now (it only grows)
   */
  Pass next(long storeWrites) {
    boolean idle = storeWrites == lastWrites;
    lastWrites = storeWrites;
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
}
