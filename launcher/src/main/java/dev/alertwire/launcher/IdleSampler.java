package dev.alertwire.launcher;

/**
 * When to give memory back: the decision of {@link IdleMemoryRelease}, kept apart from the JVM so it can be
 * tested with made-up figures. It is fed, every sampling period, the bytes the JVM's threads have allocated so
 * far. A period is quiet when it allocated less than {@code quietBytes}, or less than a
 * {@code 1/quietFraction} of the busiest period since the last release: after a large backlog the H2 store
 * compaction goes on rewriting the file for minutes at about 20 MB a second, a hundredth of what the backlog
 * allocated, and that is the time to give back what the backlog took. It is worth a release
 * when it has allocated at least {@code workBytes} since the last release (or since start), since only work
 * leaves garbage in the heap and freed blocks in the native heap. A release happens after
 * {@code quietPeriods} quiet periods in a row, once per stretch of work: an idle process does not collect
 * again and again. While it stays quiet, every further {@code quietPeriods} quiet periods ask for a trim of
 * the native heap only (cheap: no collection), because an idle Payara still frees native memory that glibc
 * keeps.
 */
final class IdleSampler {
  enum Action {
    NONE,
    /** trim the native heap */
    TRIM,
    /** collect, shrink the heap and trim the native heap */
    RELEASE
  }

  private final long quietBytes;
  private final int quietFraction;
  private final long workBytes;
  private final int quietPeriods;
  private long previous = -1;
  private long atLastRelease;
  private long busiest;
  private int quietInARow;

  IdleSampler(long quietBytes, int quietFraction, long workBytes, int quietPeriods) {
    if (quietBytes <= 0 || quietFraction < 2 || workBytes <= quietBytes || quietPeriods < 1) {
      throw new IllegalArgumentException("quietBytes > 0, quietFraction >= 2, workBytes > quietBytes and quietPeriods >= 1");
    }
    this.quietBytes = quietBytes;
    this.quietFraction = quietFraction;
    this.workBytes = workBytes;
    this.quietPeriods = quietPeriods;
  }

  /**
   * One period's sample: the total bytes allocated so far (a counter that only grows). Says what to give
   * back now; after a release, the next one needs new work and a new quiet stretch.
   */
  Action sample(long allocatedSoFar) {
    if (previous < 0) {
      previous = allocatedSoFar;
      return Action.NONE;
    }
    long inPeriod = allocatedSoFar - previous;
    previous = allocatedSoFar;
    quietInARow = inPeriod < Math.max(quietBytes, busiest / quietFraction) ? quietInARow + 1 : 0;
    busiest = Math.max(busiest, inPeriod);
    if (quietInARow == 0 || quietInARow % quietPeriods != 0) {
      return Action.NONE;
    }
    if (allocatedSoFar - atLastRelease >= workBytes) {
      atLastRelease = allocatedSoFar;
      busiest = 0;
      return Action.RELEASE;
    }
    return Action.TRIM;
  }
}
