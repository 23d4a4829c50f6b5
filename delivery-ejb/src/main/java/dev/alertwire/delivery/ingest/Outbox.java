package dev.alertwire.delivery.ingest;

import dev.alertwire.delivery.metrics.DeliveryMetrics;
import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.event.AlertEvent;
import dev.alertwire.persistence.event.EventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Writes an event and one delivery per channel in the caller's transaction. Older unfinished deliveries
 * about the same check are superseded where the channel asks for it. The dispatcher is woken after commit.
 */
@ApplicationScoped
public class Outbox {
  @Inject EventRepository events;
  @Inject DeliveryRepository deliveries;
  @Inject Event<DeliveriesQueued> queued;
  @Inject DeliveryMetrics metrics;

  public List<String> queue(AlertEvent event, Collection<AlertChannel> channels, Instant now) {
    events.add(event);
    List<String> ids =
        channels.stream()
            .map(
                channel -> {
                  if (channel.supersedesOlder() && event.checkId() != null) {
                    metrics.superseded(channel.id(), deliveries.supersede(channel.id(), event.checkId(), event.id(), now));
                  }
                  Delivery delivery =
                      new Delivery(event.id(), event.checkId(), channel.id(), channel.name(), DeliveryKind.ALERT, now);
                  deliveries.add(delivery);
                  return delivery.id();
                })
            .toList();
    queued.fire(new DeliveriesQueued(ids.size()));
    return ids;
  }
}
