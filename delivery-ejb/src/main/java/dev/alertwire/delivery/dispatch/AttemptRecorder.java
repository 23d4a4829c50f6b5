package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.json.Json;
import dev.alertwire.delivery.metrics.DeliveryMetrics;
import dev.alertwire.domain.delivery.AttemptOutcome;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryAttempt;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Writes an attempt and its consequence (retry at a time, or finished) in one transaction. The request is
 * recorded as it was rendered for showing (secrets as placeholders); the receiver's answer, which may echo
 * what it got, passes through the delivery's redactor, cut-off forms included.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AttemptRecorder {
  @Inject DeliveryRepository deliveries;
  @Inject ChannelRepository channels;
  @Inject Clock clock;
  @Inject DeliveryMetrics metrics;

  /** @return when this delivery is due again, if it is */
  public Optional<Instant> record(PreparedDelivery prepared, SendResult result) {
    Delivery delivery = deliveries.find(prepared.deliveryId()).orElseThrow();
    Instant now = clock.instant();
    AttemptOutcome outcome = result.outcome();
    Instant next = nextAttempt(delivery, prepared, outcome, now);
    SecretRedactor redactor = prepared.redactor();
    var request = prepared.shown();
    deliveries.addAttempt(
        new DeliveryAttempt(
            delivery.id(),
            prepared.channelId(),
            new DeliveryAttempt.Details(
                prepared.attemptNumber(),
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
                next)));
    if (outcome.isGone()) {
      channels.find(prepared.channelId()).ifPresent(c -> c.flagGone(now));
    }
    if (!delivery.status().isFinished()) {
      DeliveryStatus finalStatus = outcome.isSuccess() ? DeliveryStatus.SUCCEEDED : DeliveryStatus.FAILED;
      delivery.attempted(result.status(), summary(result, redactor), next, finalStatus, now);
      deliveries.countFinished(delivery, now);
    }
    metrics.attempted(prepared, result, delivery.createdAt(), delivery.status());
    return Optional.ofNullable(next);
  }

  /**
   * No request could be built. A template or URL error is final; a secret this instance cannot decrypt is
   * retried by the channel's policy, since an instance with the right key can send it.
   */
  public void recordInvalid(PreparedDelivery prepared) {
    Delivery delivery = deliveries.find(prepared.deliveryId()).orElseThrow();
    Instant now = clock.instant();
    ErrorClass why = prepared.invalidClass();
    Instant next = why.isTransient() ? nextAttempt(delivery, prepared, AttemptOutcome.error(why), now) : null;
    deliveries.addAttempt(
        new DeliveryAttempt(
            delivery.id(),
            prepared.channelId(),
            new DeliveryAttempt.Details(
                prepared.attemptNumber(), now, 0, null, null, null, null, null, null, null,
                why, prepared.invalidReason(), next)));
    boolean unfinished = !delivery.status().isFinished();
    delivery.attempted(null, prepared.invalidReason(), next, DeliveryStatus.FAILED, now);
    if (unfinished) {
      deliveries.countFinished(delivery, now);
    }
    metrics.unsendable(prepared, delivery.status());
  }

  private static Instant nextAttempt(Delivery d, PreparedDelivery p, AttemptOutcome outcome, Instant now) {
    if (d.status().isFinished()) {
      return null;
    }
    return p.retryPolicy().nextAttempt(p.attemptNumber(), outcome, now, RandomGenerator.getDefault()).orElse(null);
  }

  static String summary(SendResult result, SecretRedactor redactor) {
    if (result.status() != null) {
      return null;
    }
    String message = result.error() + (result.errorMessage() == null ? "" : ": " + result.errorMessage());
    String redacted = redactor.redact(message);
    return redacted.length() > 4000 ? redacted.substring(0, 4000) : redacted;
  }

  static String headersJson(List<Header> headers, SecretRedactor redactor) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (Header h : headers) {
      array.add(Json.createObjectBuilder().add("name", h.name()).add("value", redactor.redactHeader(h.name(), h.value())));
    }
    return array.build().toString();
  }

  static String responseHeadersJson(Map<String, List<String>> headers, SecretRedactor redactor) {
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
