package dev.alertwire.launcher;

/**
 * When to give memory back: the decision of {@link IdleMemoryRelease}, kept apart from the JVM so it can be
 * tested with made-up figures. It is fed, every sampling period, the bytes the JVM's threads have allocated so
 * far. A period is quiet when it allocated less than {@code quietBytes}, or less than a
 * {@code 1/quietFraction} of the busiest period seen: after a large backlog the H2 store compaction goes on
 * rewriting the file for minutes at about 20 MB a second, a hundredth of what the backlog allocated, and that
 * is the time to give back what the backlog took. Every {@code quietPeriods} quiet periods in a row it asks
 * for one of two things:
 *
 * <ul>
 *   <li>a release (collections that shrink the heap, and a trim of the native heap), when a busy period came
 *       since the last release and at least {@code workBytes} were allocated since: once per stretch of work,
 *       so a quiet process does not collect again and again; or when the committed heap has grown by
 *       {@code workBytes} since the last release (the compaction's pages, promoted and dropped, refill the
 *       old generation, which only a full collection empties);</li>
 *   <li>otherwise a trim of the native heap only (cheap: no collection), because a quiet Payara, and the
 *       compaction, still free native memory that glibc keeps.</li>
 * </ul>
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
  private boolean busySinceRelease;
  private long heapAfterRelease = -1;
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
   * One period's sample: the total bytes allocated so far (a counter that only grows) and the heap's committed
   * size now. Says what to give back now; the caller reports a release's outcome with {@link #released}.
   */
  Action sample(long allocatedSoFar, long heapCommitted) {
    if (previous < 0) {
      previous = allocatedSoFar;
      heapAfterRelease = heapCommitted;
      return Action.NONE;
    }
    long inPeriod = allocatedSoFar - previous;
    previous = allocatedSoFar;
    boolean quiet = inPeriod < Math.max(quietBytes, busiest / quietFraction);
    busiest = Math.max(busiest, inPeriod);
    if (!quiet) {
      busySinceRelease = true;
      quietInARow = 0;
      return Action.NONE;
    }
    quietInARow++;
    if (quietInARow % quietPeriods != 0) {
      return Action.NONE;
    }
    boolean worked = busySinceRelease && allocatedSoFar - atLastRelease >= workBytes;
    if (worked || heapCommitted - heapAfterRelease >= workBytes) {
      atLastRelease = allocatedSoFar;
      busySinceRelease = false;
      heapAfterRelease = heapCommitted;
      return Action.RELEASE;
    }
    return Action.TRIM;
  }

  /** The heap's committed size once a release is done: the next growth is counted from there. */
  void released(long heapCommitted) {
    heapAfterRelease = heapCommitted;
  }
}
