package dev.alertwire.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelSendsTest {
  private static PreparedDelivery.RateWindow window(int limit, long recorded) {
    return new PreparedDelivery.RateWindow(limit, recorded, Instant.EPOCH);
  }

  @Test
  void aRequestAnsweredBetweenTheReadAndTheSendStillCounts() {
    ChannelSends sends = new ChannelSends();
    ChannelSends.Snapshot before = sends.snapshot();
    // The batch read the window (nothing recorded yet), then sent two requests...
    assertTrue(sends.trySend(window(3, 0), before));
    assertTrue(sends.trySend(window(3, 0), before));
    // ...both answered and recorded after the read: they are no longer in flight, and the read did not see them.
    sends.answered();
    sends.answered();
    assertTrue(sends.trySend(window(3, 0), before), "third of three");
    assertFalse(sends.trySend(window(3, 0), before), "a fourth in the same minute would exceed the limit");
    assertEquals(1, sends.inFlight());
  }

  @Test
  void whatWasInFlightBeforeTheReadCounts() {
    ChannelSends sends = new ChannelSends();
    assertTrue(sends.trySend(null, sends.snapshot()));
    assertTrue(sends.trySend(null, sends.snapshot()));
    ChannelSends.Snapshot before = sends.snapshot(); // two in flight, not yet recorded when the window is read
    assertTrue(sends.trySend(window(3, 0), before));
    assertFalse(sends.trySend(window(3, 0), before));
  }

  @Test
  void aLaterBatchCountsOnlyWhatItsReadCouldMiss() {
    ChannelSends sends = new ChannelSends();
    ChannelSends.Snapshot first = sends.snapshot();
    assertTrue(sends.trySend(window(2, 0), first));
    sends.answered(); // recorded: the next batch's read sees it
    ChannelSends.Snapshot second = sends.snapshot();
    assertTrue(sends.trySend(window(2, 1), second), "one recorded, none in flight: one more fits");
    assertFalse(sends.trySend(window(2, 1), second));
  }

  @Test
  void withoutALimitEverySendGoesAndIsCounted() {
    ChannelSends sends = new ChannelSends();
    ChannelSends.Snapshot before = sends.snapshot();
    for (int i = 0; i < 100; i++) {
      assertTrue(sends.trySend(null, before));
    }
    assertEquals(100, sends.inFlight());
  }
}
