package dev.alertwire.persistence.delivery;

import dev.alertwire.domain.delivery.DeliveryStatus;
import java.time.Instant;

/** Filters of the delivery history; null fields do not filter. */
public record DeliveryFilter(
    String channelId, String checkId, String alertType, DeliveryStatus status, Instant from, Instant to) {
  public static DeliveryFilter none() {
    return new DeliveryFilter(null, null, null, null, null, null);
  }
}
