package dev.alertwire.delivery.dispatch;

/**
 * One channel's requests in flight and started on this instance, for its rate window. The window's count of
 * recorded attempts is read while a batch of deliveries is prepared, and this instance's requests go out and
 * are answered meanwhile. A batch therefore notes, before it reads, what was in flight and how many had
 * started ({@link #snapshot}); at each send it counts those and every request started since as used, whether
 * or not the read saw them. A request may be counted twice (the window then lets one fewer through), never
 * not at all.
 */
final class ChannelSends {
  private int inFlight;
  private long started;

  /** What a batch notes before it reads the window. */
  record Snapshot(int inFlight, long started) {}

  synchronized Snapshot snapshot() {
    return new Snapshot(inFlight, started);
  }

  /** Counts a send, unless the window is full counting what its read may not have seen. */
  synchronized boolean trySend(PreparedDelivery.RateWindow window, Snapshot before) {
    if (window != null && window.full(Math.toIntExact(before.inFlight() + (started - before.started())))) {
      return false;
    }
    inFlight++;
    started++;
    return true;
  }

  /** The request was answered (or failed): no longer in flight. */
  synchronized void answered() {
    inFlight--;
  }

  synchronized int inFlight() {
    return inFlight;
  }
}
