package dev.alertwire.delivery.console;

import dev.alertwire.delivery.control.DeliveryControl;
import dev.alertwire.delivery.history.DeliveryHistory;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliverySearch;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The delivery history as the console browses it, and the audited redeliver and cancel actions. */
@Stateless
public class ConsoleDeliveries {
  @Inject DeliverySearch search;
  @Inject DeliveryHistory history;
  @Inject DeliveryControl control;
  @Inject AuditLog audit;

  /** A list row: the delivery and the alert type of its event. */
  public record Row(Delivery delivery, String alertType) {}

  public record Page(List<Row> rows, long total) {}

  public Page page(DeliverySearch.Criteria criteria, int offset, int limit) {
    List<Delivery> items = search.page(criteria, offset, limit);
    Map<String, String> types = search.alertTypes(items.stream().map(Delivery::eventId).distinct().toList());
    return new Page(items.stream().map(d -> new Row(d, types.get(d.eventId()))).toList(), search.count(criteria));
  }

  public Optional<DeliveryHistory.Detail> detail(String id) {
    return history.detail(id);
  }

  public Delivery redeliver(String id) {
    Delivery again = control.redeliver(id).orElseThrow(() -> new InvalidInputException("delivery", "no longer exists"));
    audit.record("delivery redelivered", again.channelName(), "delivery " + id + " sent again as " + again.id());
    return again;
  }

  public Delivery cancel(String id) {
    Delivery cancelled = control.cancel(id).orElseThrow(() -> new InvalidInputException("delivery", "no longer exists"));
    audit.record("delivery cancelled", cancelled.channelName(), "delivery " + id);
    return cancelled;
  }
}
