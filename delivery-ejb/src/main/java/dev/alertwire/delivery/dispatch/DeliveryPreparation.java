package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.delivery.render.ChannelRequests;
import dev.alertwire.delivery.render.RenderContexts;
import dev.alertwire.delivery.render.ResolvedChannel;
import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.domain.secret.UnreadableSecretException;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.check.CheckRepository;
import dev.alertwire.persistence.check.MonitoredCheck;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.event.AlertEvent;
import dev.alertwire.persistence.event.EventRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads a claimed delivery with its event and channel and renders the request for this attempt. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryPreparation {
  static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  @Inject DeliveryRepository deliveries;
  @Inject EventRepository events;
  @Inject ChannelRepository channels;
  @Inject CheckRepository checks;
  @Inject RenderContexts contexts;
  @Inject ChannelRequests requests;
  @Inject Clock clock;

  private PreparedDelivery.RateWindow rateWindow(AlertChannel channel) {
    return channel
        .rateLimitPerMinute()
        .map(
            limit -> {
              Instant now = clock.instant();
              Instant since = now.minus(RATE_WINDOW);
              long used = deliveries.attemptsSince(channel.id(), since);
              Instant freesAt =
                  deliveries.oldestAttemptSince(channel.id(), since).map(t -> t.plus(RATE_WINDOW)).orElse(now.plus(RATE_WINDOW.dividedBy(limit)));
              return new PreparedDelivery.RateWindow(limit, used, freesAt);
            })
        .orElse(null);
  }

  /** Empty when the delivery's channel no longer exists (it is then cancelled). */
  public Optional<PreparedDelivery> prepare(String deliveryId) {
    Delivery delivery = deliveries.find(deliveryId).orElse(null);
    if (delivery == null || delivery.status().isFinished()) {
      return Optional.empty();
    }
    Optional<AlertChannel> found = channels.find(delivery.channelId());
    AlertEvent event = events.find(delivery.eventId()).orElse(null);
    if (found.isEmpty() || event == null) {
      delivery.finish(dev.alertwire.domain.delivery.DeliveryStatus.CANCELLED, clock.instant());
      return Optional.empty();
    }
    AlertChannel channel = found.get();
    int attempt = delivery.attempts() + 1;
    ResolvedChannel resolved;
    RenderContexts.RenderContext context;
    try {
      resolved = requests.resolve(channel, clock.instant());
      // Group variables come from the group of the check the alert is about, as it is now.
      String groupId = checks.find(event.checkId()).flatMap(MonitoredCheck::groupId).orElse(null);
      context = contexts.forEvent(JsonValues.parseObject(event.variablesJson()), groupId);
    } catch (UnreadableSecretException e) {
      return Optional.of(unsendable(delivery, channel, attempt, e.getMessage(), ErrorClass.SECRET_UNREADABLE, SecretRedactor.none()));
    }
    SecretRedactor redactor = requests.redactorFor(resolved, context);
    try {
      ChannelRequests.Built built = requests.build(resolved, context, delivery.id(), event.occurredAt(), clock.instant());
      return Optional.of(
          new PreparedDelivery(
              delivery.id(),
              channel.id(),
              attempt,
              built.sent(),
              built.shown(),
              null,
              null,
              redactor.withSentHeaders(built.sent().headers()),
              channel.retryPolicy(),
              channel.connectTimeout(),
              channel.responseTimeout(),
              rateWindow(channel)));
    } catch (InvalidInputException e) {
      String reason = new InvalidInputException(requests.errorsWithoutSecrets(e, resolved, context)).getMessage();
      return Optional.of(unsendable(delivery, channel, attempt, redactor.redact(reason), ErrorClass.INVALID_REQUEST, redactor));
    }
  }

  private PreparedDelivery unsendable(
      Delivery delivery, AlertChannel channel, int attempt, String reason, ErrorClass why, SecretRedactor redactor) {
    return new PreparedDelivery(
        delivery.id(),
        channel.id(),
        attempt,
        null,
        null,
        reason,
        why,
        redactor,
        channel.retryPolicy(),
        channel.connectTimeout(),
        channel.responseTimeout(),
        null);
  }
}
