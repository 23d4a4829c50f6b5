package dev.alertwire.delivery.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * When the H2 store may be compacted. A compaction pass holds the store's lock while it rewrites chunks, and
 * every commit waits for it: 16 MiB took 0.1 to 1 s on a warm JVM and several seconds on one that was still
 * starting, and with a pass every 5 s the deliveries of a freshly started instance on a sparse file waited 13
 * to 23 s for their first attempt (docs/reliability.md). So, as H2's own background writer does, a pass runs
 * when the store has been idle: no write to its file between two looks, other than the compaction's own.
 * Under writes that never pause, a smaller pass is forced now and then, so the file stays bounded.
 */
final class CompactionPace {
  /** What the next look should do. */
  enum Pass {
    NONE,
    /** Nothing wrote since the last look: a full pass, in steps that stop when a write comes. */
    IDLE,
    /** Writes never paused for {@code forceAfter}: one small step all the same. */
    FORCED
  }

  private final Duration forceAfter;
  private long lastWrites = -1;
  private Instant lastPass;

  CompactionPace(Duration forceAfter) {
    this.forceAfter = forceAfter;
  }

  /**
   * @param storeWrites the store's count of file writes now (it only grows)
   */
  Pass next(long storeWrites, Instant now) {
    if (lastPass == null) {
      lastPass = now; // the first look only learns the count: it cannot know whether the store was idle
    }
    if (storeWrites == lastWrites) {
      return Pass.IDLE;
    }
    lastWrites = storeWrites;
    return Duration.between(lastPass, now).compareTo(forceAfter) >= 0 ? Pass.FORCED : Pass.NONE;
  }

  /** After a pass: its own writes are not activity, and the time to the next forced pass starts again. */
  void passDone(long storeWritesAfter, Instant now) {
    lastWrites = storeWritesAfter;
    lastPass = now;
  }
}
