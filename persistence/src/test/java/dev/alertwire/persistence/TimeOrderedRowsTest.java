package dev.alertwire.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryAttempt;
import dev.alertwire.persistence.event.AlertEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rows the delivery path writes many of a second get time-ordered ids, carrying their own creation time. */
class TimeOrderedRowsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00.123Z");
  private static final Instant STARTED = Instant.parse("2026-12-01T12:00:01.456Z");

  @Test
  void eventsDeliveriesAndAttemptsHaveVersion7IdsOfTheirCreationTime() {
    AlertEvent event = new AlertEvent("check-1", "ALERT_FAILURE", NOW, "{\"CHECK_NAME\":\"c\"}", NOW);
    Delivery delivery = new Delivery(event.id(), "check-1", event.alertType(), "channel-1", "ops", DeliveryKind.ALERT, NOW);
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            delivery.id(),
            "channel-1",
            new DeliveryAttempt.Details(1, STARTED, 12, "POST", "http://127.0.0.1:9/hook", "{}", "{}", 200, "{}", "ok", null, null, null));
    assertTimeOrdered(event.id(), NOW);
    assertTimeOrdered(delivery.id(), NOW);
    assertTimeOrdered(attempt.id(), STARTED);
  }

  private static void assertTimeOrdered(String id, Instant at) {
    UUID uuid = UUID.fromString(id);
    assertEquals(7, uuid.version(), id);
    assertEquals(at.toEpochMilli(), uuid.getMostSignificantBits() >>> 16, id);
  }
}
