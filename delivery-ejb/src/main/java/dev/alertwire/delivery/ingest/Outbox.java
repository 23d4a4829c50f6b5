package dev.alertwire.delivery.ingest;

import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.delivery.metrics.DeliveryMetrics;
import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.persistence.channel.Recipient;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.delivery.DeliveryWrites;
import dev.alertwire.persistence.event.AlertEvent;
import dev.alertwire.persistence.event.EventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes an event and one delivery per channel. Older unfinished deliveries about the same check are
 * superseded where the channel asks for it. The dispatcher is woken after commit.
 *
 * <p>{@link #queue} writes in the caller's transaction, for callers that change other rows with it (a check's
 * state and the alert it raised commit together). {@link #queueCommitted} writes through the group commit and
 * returns once the alerts are committed: the API's accept, where many requests arrive at once.
 */
@ApplicationScoped
public class Outbox {
  @Inject EventRepository events;
  @Inject DeliveryRepository deliveries;
  @Inject Event<DeliveriesQueued> queued;
  @Inject DeliveryMetrics metrics;
  @Inject Commits commits;

  /** An alert to queue: its event, the channels that get a delivery, and when it was accepted. */
  public record Alert(AlertEvent event, Collection<Recipient> channels, Instant now) {}

  /**
   * Like {@link #queue}, but committed on its own before it returns: the alerts go into one write of the
   * group commit, so into one transaction, all or none, whatever transaction the caller is in. Each alert
   * supersedes what the ones before it queued, as within one container transaction.
   *
   * @return per alert, the ids of its deliveries
   */
  public List<List<String>> queueCommitted(List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return List.of();
    }
    List<List<Delivery>> rows = new ArrayList<>(alerts.size());
    for (Alert a : alerts) {
      AlertEvent event = a.event();
      rows.add(
          a.channels().stream()
              .map(c -> new Delivery(event.id(), event.checkId(), event.alertType(), c.id(), c.name(), DeliveryKind.ALERT, a.now()))
              .toList());
    }
    // The write may run twice (its batch rolled back for another write's error, then tried alone), so the
    // superseded counts are its answer, taken from the run that committed, not gathered on the side.
    List<Map<String, Integer>> superseded =
        commits.await(
            c -> {
              List<Map<String, Integer>> counts = new ArrayList<>(alerts.size());
              for (int i = 0; i < alerts.size(); i++) {
                Alert a = alerts.get(i);
                List<String> superseding =
                    a.channels().stream().filter(Recipient::supersedesOlder).map(Recipient::id).toList();
                counts.add(DeliveryWrites.queue(c, a.event(), rows.get(i), superseding, a.now()));
              }
              return counts;
            });
    superseded.forEach(counts -> counts.forEach(metrics::supersededCommitted));
    queued.fire(new DeliveriesQueued(rows.stream().mapToInt(List::size).sum()));
    return rows.stream().map(r -> r.stream().map(Delivery::id).toList()).toList();
  }

  public List<String> queue(AlertEvent event, Collection<Recipient> channels, Instant now) {
    events.add(event);
    List<String> ids =
        channels.stream()
            .map(
                channel -> {
                  if (channel.supersedesOlder() && event.checkId() != null) {
                    metrics.superseded(channel.id(), deliveries.supersede(channel.id(), event.checkId(), event.id(), now));
                  }
                  Delivery delivery =
                      new Delivery(event.id(), event.checkId(), event.alertType(), channel.id(), channel.name(), DeliveryKind.ALERT, now);
                  deliveries.add(delivery);
                  return delivery.id();
                })
            .toList();
    queued.fire(new DeliveriesQueued(ids.size()));
    return ids;
  }
}
