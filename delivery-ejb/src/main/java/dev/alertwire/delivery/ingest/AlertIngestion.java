package dev.alertwire.delivery.ingest;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.domain.check.AlertKind;
import dev.alertwire.delivery.json.Json;
import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.domain.source.AlertmanagerWebhook;
import dev.alertwire.domain.source.LabelMatcher;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.ChannelRouting;
import dev.alertwire.persistence.channel.Recipient;
import dev.alertwire.persistence.check.CheckRepository;
import dev.alertwire.persistence.check.MonitoredCheck;
import dev.alertwire.persistence.event.AlertEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import dev.alertwire.persistence.variable.Variable;
import dev.alertwire.persistence.variable.VariableRepository;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts a ready-made alert from a system that decides alerts itself. It goes to the channels subscribed
 * to the check (CHECK_ID) or group (GROUP_ID, or the check's group) it names, or to one of its LABELS
 * ({@code name=value}), and to every channel with no subscriptions at all: the catch-all route. A channel
 * that does not want the alert's kind is skipped.
 *
 * <p>A name the environment or the alert's group defines is configuration, not alert data: it is dropped from
 * the stored event and listed in the answer ({@code ignoredVariables}), and rendering lets stored variables
 * win in any case ({@link dev.alertwire.delivery.render.RenderContexts}).
 *
 * <p>No container transaction: the routing reads take a pooled connection each and give it back, and the
 * write is the group commit's, on its own connection. Inside a transaction, each request held its pooled
 * connection while it waited for the group commit; at 200 alerts/s the waiting requests took the whole pool
 * and the dispatcher waited for a connection (3,826 s of pool waits in a 30 s JFR recording, deliveries at
 * 48/s; docs/benchmarks.md section 6).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.INGEST})
public class AlertIngestion {
  @Inject ChannelRouting routing;
  @Inject CheckRepository checks;
  @Inject Outbox outbox;
  @Inject VariableRepository storedVariables;
  @Inject Clock clock;

  /** As many as one Alertmanager alert may carry. */
  static final int MAX_ROUTING_LABELS = AlertmanagerWebhook.MAX_ENTRIES;

  public record Accepted(String eventId, List<String> deliveryIds, List<String> ignoredVariables) {}

  /** An alert checked and routed, not written yet. */
  private record Routed(Outbox.Alert alert, List<String> ignored) {}

  /**
   * Several alerts as one notification of Alertmanager or Grafana brings them: all are queued or, if one is
   * refused, none (the sender retries the whole notification). Every alert is checked and routed before
   * any is written, and they are written in one write of the group commit, which is one transaction.
   */
  public List<Accepted> acceptAll(List<JsonObject> alerts) {
    List<Routed> routed = alerts.stream().map(this::route).toList();
    return accepted(routed, outbox.queueCommitted(routed.stream().map(Routed::alert).toList()));
  }

  public Accepted accept(JsonObject variables) {
    Routed routed = route(variables);
    return accepted(List.of(routed), outbox.queueCommitted(List.of(routed.alert()))).get(0);
  }

  private static List<Accepted> accepted(List<Routed> routed, List<List<String>> deliveryIds) {
    List<Accepted> accepted = new ArrayList<>(routed.size());
    for (int i = 0; i < routed.size(); i++) {
      accepted.add(new Accepted(routed.get(i).alert().event().id(), deliveryIds.get(i), routed.get(i).ignored()));
    }
    return accepted;
  }

  private Routed route(JsonObject variables) {
    String checkId = text(variables, "CHECK_ID");
    String alertType = text(variables, "ALERT_TYPE");
    if (alertType != null && alertType.length() > 40) {
      throw new InvalidInputException("ALERT_TYPE", "must be at most 40 characters");
    }
    if (checkId != null && checkId.length() > 100) {
      throw new InvalidInputException("CHECK_ID", "must be at most 100 characters");
    }
    String groupId =
        Optional.ofNullable(text(variables, "GROUP_ID"))
            .or(() -> checks.find(checkId).flatMap(MonitoredCheck::groupId))
            .orElse(null);
    List<String> scopes = groupId == null ? List.of(Variable.GLOBAL) : List.of(Variable.GLOBAL, groupId);
    Set<String> stored = new HashSet<>(storedVariables.keysIn(scopes));
    List<String> ignored = variables.keySet().stream().filter(stored::contains).sorted().toList();
    JsonObjectBuilder kept = Json.createObjectBuilder();
    variables.forEach((key, value) -> {
      if (!stored.contains(key)) {
        kept.add(key, value);
      }
    });
    Optional<AlertKind> kind = AlertKind.parse(alertType);
    List<Recipient> wanting =
        routing.routedTo(checkId, groupId, labels(variables)).stream().filter(c -> kind.map(k -> c.alertSettings().wants(k)).orElse(true)).toList();
    Instant now = clock.instant();
    boolean reminder = variables.get("IS_REMINDER") == jakarta.json.JsonValue.TRUE;
    AlertEvent event = new AlertEvent(checkId, AlertEvent.historyType(alertType, reminder), now, kept.build().toString(), now);
    return new Routed(new Outbox.Alert(event, wanting, now), ignored);
  }

  /** The alert's labels as {@code name=value}, for label subscriptions. */
  private static List<String> labels(JsonObject variables) {
    JsonValue labels = variables.get("LABELS");
    if (labels == null || labels.getValueType() != JsonValue.ValueType.OBJECT) {
      return List.of();
    }
    List<String> pairs = LabelMatcher.of(JsonValues.toMap(labels.asJsonObject()));
    if (pairs.size() > MAX_ROUTING_LABELS) {
      throw new InvalidInputException("LABELS", "has " + pairs.size() + " labels; at most " + MAX_ROUTING_LABELS + " are taken");
    }
    return pairs;
  }

  private static String text(JsonObject object, String key) {
    JsonValue value = object.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }
}
