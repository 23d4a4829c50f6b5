package dev.alertwire.delivery.control;

import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.ingest.DeliveriesQueued;
import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** What a person can do to a delivery: send its event again, or stop one that has not finished. */
@Stateless
@Permit(ApiToken.Role.ADMIN)
public class DeliveryControl {
  @Inject DeliveryRepository deliveries;
  @Inject ChannelRepository channels;
  @Inject Event<DeliveriesQueued> queued;
  @Inject Clock clock;
  @Inject AuditLog audit;

  /** A new delivery of the same event to the same channel, marked as a manual redelivery. */
  public Optional<Delivery> redeliver(String id) {
    return deliveries
        .find(id)
        .map(
            original -> {
              AlertChannel channel =
                  channels
                      .find(original.channelId())
                      .orElseThrow(() -> new InvalidInputException("id", "the channel of this delivery was deleted"));
              Delivery again =
                  new Delivery(
                      original.eventId(), original.checkId(), original.alertType(), channel.id(), channel.name(), DeliveryKind.REDELIVERY, clock.instant());
              deliveries.add(again);
              queued.fire(new DeliveriesQueued(1));
              audit.record("delivery redelivered", again.channelName(), "delivery " + id + " sent again as " + again.id());
              return again;
            });
  }

  /** Stops an unfinished delivery; an attempt in flight completes, but none follows it. */
  public Optional<Delivery> cancel(String id) {
    // Locked: read without a lock, a claim or a recorded attempt committed in between made this commit fail
    // with an optimistic lock error, a 500 (OpenApiContractIT cancelled a redelivery as it was claimed).
    return deliveries
        .findForUpdate(id)
        .map(
            d -> {
              if (d.status().isFinished()) {
                throw new InvalidInputException("status", "the delivery is already " + d.status().name().toLowerCase());
              }
              d.cancel("cancelled by a user", clock.instant());
              audit.record("delivery cancelled", d.channelName(), "delivery " + id);
              return d;
            });
  }
}
