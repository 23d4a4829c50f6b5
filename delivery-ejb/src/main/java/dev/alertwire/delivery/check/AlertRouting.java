package dev.alertwire.delivery.check;

import dev.alertwire.delivery.ingest.Outbox;
import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.domain.check.AlertKind;
import dev.alertwire.persistence.channel.ChannelRouting;
import dev.alertwire.persistence.channel.Recipient;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.MonitoredCheck;
import dev.alertwire.persistence.event.AlertEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An alert about a check goes to the channels the routing rule names (subscribed to the check or its group,
 * or catch-all: see RoutingTable) that want its kind: the same rule as for ready-made alerts.
 */
@ApplicationScoped
public class AlertRouting {
  @Inject ChannelRouting channels;
  @Inject Outbox outbox;

  /** An alert that was queued: its type, event and one delivery per channel. */
  public record Sent(String alertType, String eventId, List<String> deliveryIds) {}

  public Sent send(AlertKind kind, MonitoredCheck check, Optional<CheckGroup> group, Map<String, Object> variables, Instant now) {
    return queue(kind, check, subscribed(check, group).stream().filter(c -> c.alertSettings().wants(kind)).toList(), variables, now);
  }

  public Sent queue(AlertKind kind, MonitoredCheck check, List<Recipient> targets, Map<String, Object> variables, Instant now) {
    String type = AlertEvent.historyType(kind.name(), Boolean.TRUE.equals(variables.get("IS_REMINDER")));
    AlertEvent event = new AlertEvent(check.id(), type, now, JsonValues.toJson(variables), now);
    return new Sent(kind.name(), event.id(), outbox.queue(event, targets, now));
  }

  public List<Recipient> subscribed(MonitoredCheck check, Optional<CheckGroup> group) {
    return channels.routedTo(check.id(), group.map(CheckGroup::id).orElse(null));
  }
}
