package dev.alertwire.delivery.preview;

import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryAttempt;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.event.AlertEvent;
import dev.alertwire.persistence.event.EventRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a finished test-send (event and delivery built before sending, so the receiver saw the delivery id
 * the history shows): its sample event, a TEST delivery already finished (so the dispatcher never
 * picks it up) and the one attempt, redacted, plus the audit entry, in one transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TestSendRecorder {
  @Inject EventRepository events;
  @Inject DeliveryRepository deliveries;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @PersistenceContext(unitName = "alertwire")
  EntityManager em;

  public void record(
      AlertEvent event,
      Delivery delivery,
      SampleEvents.Kind kind,
      OutgoingRequest request,
      dev.alertwire.delivery.dispatch.SendResult result,
      SecretRedactor redactor) {
    Instant now = clock.instant();
    events.add(event);
    // Delivery has no mapped relation to its event, so the insert order must be forced for the foreign key.
    em.flush();
    String summary =
        result.status() != null ? null : redactor.redact(result.error() + (result.errorMessage() == null ? "" : ": " + result.errorMessage()));
    boolean success = result.outcome().isSuccess();
    delivery.attempted(result.status(), summary, null, success ? DeliveryStatus.SUCCEEDED : DeliveryStatus.FAILED, now);
    deliveries.add(delivery);
    deliveries.addAttempt(
        new DeliveryAttempt(
            delivery.id(),
            delivery.channelId(),
            new DeliveryAttempt.Details(
                1,
                result.startedAt(),
                result.durationMs(),
                request.method().name(),
                redactor.redact(request.uri().toString()),
                headersJson(request.headers(), redactor),
                redactor.redact(request.body()),
                result.status(),
                responseHeadersJson(result.headers(), redactor),
                redactor.redactCut(result.body()),
                result.error(),
                redactor.redact(result.errorMessage()),
                null)));
    audit.record(
        "test sent",
        delivery.channelName(),
        kind.name() + " -> " + (result.status() != null ? "HTTP " + result.status() : String.valueOf(result.error())));
  }

  private static String headersJson(List<Header> headers, SecretRedactor redactor) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (Header h : headers) {
      array.add(Json.createObjectBuilder().add("name", h.name()).add("value", redactor.redactHeader(h.name(), h.value())));
    }
    return array.build().toString();
  }

  private static String responseHeadersJson(Map<String, List<String>> headers, SecretRedactor redactor) {
    if (headers == null || headers.isEmpty()) {
      return null;
    }
    JsonObjectBuilder object = Json.createObjectBuilder();
    headers.forEach((name, values) -> {
      JsonArrayBuilder array = Json.createArrayBuilder();
      values.forEach(v -> array.add(redactor.redact(v)));
      object.add(name, array);
    });
    return object.build().toString();
  }
}
