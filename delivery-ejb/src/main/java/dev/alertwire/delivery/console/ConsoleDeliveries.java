package dev.alertwire.delivery.console;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.control.DeliveryControl;
import dev.alertwire.delivery.history.DeliveryHistory;
import dev.alertwire.delivery.history.EventLabel;
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
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
public class ConsoleDeliveries {
  @Inject DeliverySearch search;
  @Inject DeliveryHistory history;
  @Inject DeliveryControl control;

  /** A list row: the delivery and the alert type (REMINDER for a reminder) and title of its event. */
  public record Row(Delivery delivery, String alertType, String title) {}

  public record Page(List<Row> rows, long total) {}

  public Page page(DeliverySearch.Criteria criteria, int offset, int limit) {
    return page(criteria, offset, limit, search.count(criteria));
  }

  /**
   * @param total what {@link #count} answered for these criteria just before, in the same request: the table
   *     asks for the count and then for the page, and a filtered count is the dearer of the two queries
   */
  public Page page(DeliverySearch.Criteria criteria, int offset, int limit, long total) {
    List<Delivery> items = search.page(criteria, offset, limit, total);
    Map<String, EventLabel> labels = history.labels(items.stream().map(Delivery::eventId).distinct().toList());
    return new Page(
        items.stream()
            .map(d -> {
              EventLabel label = labels.getOrDefault(d.eventId(), EventLabel.NONE);
              return new Row(d, label.alertType(), label.title());
            })
            .toList(),
        total);
  }

  public long count(DeliverySearch.Criteria criteria) {
    return search.count(criteria);
  }

  /** One bar of the history chart: an hour's deliveries by how they ended (stopped: cancelled or superseded), or that they have not yet. */
  public record Hour(java.time.Instant start, long succeeded, long failed, long stopped, long open) {
    public long total() {
      return succeeded + failed + stopped + open;
    }
  }

  /** The last 24 hours, oldest first, every hour present (an empty hour is a gap worth seeing). */
  public List<Hour> lastDay(java.time.Instant now) {
    long currentHour = now.toEpochMilli() / 3_600_000L;
    long firstHour = currentHour - 23;
    Map<Long, long[]> counts = new java.util.TreeMap<>();
    for (long h = firstHour; h <= currentHour; h++) {
      counts.put(h, new long[4]);
    }
    for (DeliverySearch.HourCount c : search.perHour(java.time.Instant.ofEpochMilli(firstHour * 3_600_000L))) {
      long[] bucket = counts.get(c.epochHour());
      if (bucket == null) {
        continue;
      }
      switch (c.status()) {
        case "SUCCEEDED" -> bucket[0] += c.count();
        case "FAILED" -> bucket[1] += c.count();
        case "CANCELLED", "SUPERSEDED" -> bucket[2] += c.count();
        default -> bucket[3] += c.count();
      }
    }
    return counts.entrySet().stream()
        .map(e -> new Hour(java.time.Instant.ofEpochMilli(e.getKey() * 3_600_000L), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
        .toList();
  }

  public Optional<DeliveryHistory.Detail> detail(String id) {
    return history.detail(id);
  }

  @Permit(ApiToken.Role.ADMIN)
  public Delivery redeliver(String id) {
    return control.redeliver(id).orElseThrow(() -> new InvalidInputException("delivery", "no longer exists"));
  }

  @Permit(ApiToken.Role.ADMIN)
  public Delivery cancel(String id) {
    return control.cancel(id).orElseThrow(() -> new InvalidInputException("delivery", "no longer exists"));
  }
}
