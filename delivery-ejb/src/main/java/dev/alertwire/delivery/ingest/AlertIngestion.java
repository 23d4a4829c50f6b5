package dev.alertwire.delivery.ingest;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.event.AlertEvent;
import dev.alertwire.persistence.event.EventRepository;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Accepts an alert: the event and one delivery per target channel are written in one transaction (the
 * outbox). Nothing is sent before commit; the dispatcher is woken right after it.
 */
@Stateless
public class AlertIngestion {
  @Inject EventRepository events;
  @Inject ChannelRepository channels;
  @Inject DeliveryRepository deliveries;
  @Inject Event<DeliveriesQueued> queued;
  @Inject Clock clock;

  public record Accepted(String eventId, List<String> deliveryIds) {}

  public Accepted accept(JsonObject variables) {
    String checkId = text(variables, "CHECK_ID");
    String alertType = text(variables, "ALERT_TYPE");
    if (alertType != null && alertType.length() > 40) {
      throw new InvalidInputException("ALERT_TYPE", "must be at most 40 characters");
    }
    if (checkId != null && checkId.length() > 100) {
      throw new InvalidInputException("CHECK_ID", "must be at most 100 characters");
    }
    Instant now = clock.instant();
    AlertEvent event = new AlertEvent(checkId, alertType, now, variables.toString(), now);
    events.add(event);
    List<String> ids =
        channels.activated().stream().map(channel -> queue(event, channel, now)).toList();
    queued.fire(new DeliveriesQueued(ids.size()));
    return new Accepted(event.id(), ids);
  }

  private String queue(AlertEvent event, AlertChannel channel, Instant now) {
    if (channel.supersedesOlder() && event.checkId() != null) {
      deliveries.supersede(channel.id(), event.checkId(), event.id(), now);
    }
    Delivery delivery =
        new Delivery(event.id(), event.checkId(), channel.id(), channel.name(), DeliveryKind.ALERT, now);
    deliveries.add(delivery);
    return delivery.id();
  }

  private static String text(JsonObject object, String key) {
    JsonValue value = object.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }
}
