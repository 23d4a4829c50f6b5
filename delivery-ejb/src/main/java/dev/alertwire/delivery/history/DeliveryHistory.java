package dev.alertwire.delivery.history;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryAttempt;
import dev.alertwire.persistence.delivery.DeliveryFilter;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.event.AlertEvent;
import dev.alertwire.persistence.event.EventRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Reading the record of deliveries and attempts (already redacted when written). */
@Stateless
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
public class DeliveryHistory {
  @Inject DeliveryRepository deliveries;
  @Inject EventRepository events;

  public record Page(List<Delivery> items, long total) {}

  public record Detail(Delivery delivery, AlertEvent event, List<DeliveryAttempt> attempts) {
    /** The alert's type (REMINDER for a reminder) and title. */
    public EventLabel label() {
      return EventLabel.of(event);
    }
  }

  public Page page(DeliveryFilter filter, int offset, int limit) {
    long total = deliveries.count(filter);
    return new Page(deliveries.page(filter, offset, limit, total), total);
  }

  /** The type and title of each of these events, by event id (a page of the history in one query). */
  public java.util.Map<String, EventLabel> labels(List<String> eventIds) {
    java.util.Map<String, EventLabel> labels = new java.util.HashMap<>();
    events.byIds(eventIds).forEach((id, event) -> labels.put(id, EventLabel.of(event)));
    return labels;
  }

  public Optional<Detail> detail(String id) {
    return deliveries
        .find(id)
        .map(d -> new Detail(d, events.find(d.eventId()).orElse(null), deliveries.attempts(d.id())));
  }
}
