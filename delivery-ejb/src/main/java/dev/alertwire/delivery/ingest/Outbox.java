package dev.alertwire.delivery.ingest;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.delivery.DeliveryWrites;
import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.persistence.event.AlertEvent;
import dev.alertwire.persistence.event.EventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Writes an event and one delivery per channel. Older unfinished deliveries about the same check are
 * superseded where the channel asks for it. The dispatcher is woken after commit.
 *
 * <p>{@link #queue} writes in the caller's transaction, for callers that change other rows with it (a check's
 * state and the alert it raised commit together). {@link #queueCommitted} writes through the group commit and
 * returns once the alert is committed: the API's accept, where many requests arrive at once.
 */
@ApplicationScoped
public class Outbox {
  @Inject EventRepository events;
  @Inject DeliveryRepository deliveries;
  @Inject Event<DeliveriesQueued> queued;
  @Inject Commits commits;

  /** Like {@link #queue}, but committed on its own (in a group commit) before it returns. */
  public List<String> queueCommitted(AlertEvent event, Collection<AlertChannel> channels, Instant now) {
    List<Delivery> rows =
        channels.stream()
            .map(c -> new Delivery(event.id(), event.checkId(), c.id(), c.name(), DeliveryKind.ALERT, now))
            .toList();
    List<String> superseding = channels.stream().filter(AlertChannel::supersedesOlder).map(AlertChannel::id).toList();
    commits.await(c -> {
      DeliveryWrites.queue(c, event, rows, superseding, now);
      return null;
    });
    queued.fire(new DeliveriesQueued(rows.size()));
    return rows.stream().map(Delivery::id).toList();
  }

  public List<String> queue(AlertEvent event, Collection<AlertChannel> channels, Instant now) {
    events.add(event);
    List<String> ids =
        channels.stream()
            .map(
                channel -> {
                  if (channel.supersedesOlder() && event.checkId() != null) {
                    deliveries.supersede(channel.id(), event.checkId(), event.id(), now);
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
