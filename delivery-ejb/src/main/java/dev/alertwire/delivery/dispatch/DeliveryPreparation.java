package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.delivery.render.ChannelRequests;
import dev.alertwire.delivery.render.RenderContexts;
import dev.alertwire.delivery.render.ResolvedChannel;
import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.domain.secret.UnreadableSecretException;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.ChannelSnapshot;
import dev.alertwire.persistence.channel.ChannelSnapshots;
import dev.alertwire.persistence.check.CheckRepository;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Reads a claimed delivery with its event and channel and renders the request for this attempt. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryPreparation {
  static final Duration RATE_WINDOW = Duration.ofMinutes(1);
  private static final Logger LOG = Logger.getLogger(DeliveryPreparation.class.getName());

  @Inject DeliveryRepository deliveries;
  @Inject EventRepository events;
  @Inject ChannelSnapshots snapshots;
  @Inject CheckRepository checks;
  @Inject RenderContexts contexts;
  @Inject ChannelRequests requests;
  @Inject Clock clock;

  private PreparedDelivery.RateWindow rateWindow(ChannelSnapshot channel) {
    return channel
        .rateLimit()
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

  /**
   * Prepares claimed deliveries together, in one transaction: the deliveries and their events are read in
   * one query each, and a channel, a check's group and a group's stored variables are read and resolved once
   * for all the deliveries that share them. One at a time, each delivery cost about seven reads, which on
   * PostgreSQL are as many round trips (docs/benchmarks.md, section 10).
   *
   * <p>It writes nothing: a write that failed would mark the transaction for rollback and take every other
   * delivery's outcome with it. Deliveries to cancel are answered, for the caller to write.
   *
   * @return the deliveries to send or to record as unsendable, by id; those whose channel or event is gone,
   *     to be cancelled. A delivery that is missing or finished is in neither, nor is one whose preparation
   *     failed (said in the log; its lease expires and it is attempted again)
   */
  public Prepared prepareAll(List<String> deliveryIds) {
    Map<String, Delivery> found = new HashMap<>();
    deliveries.findAll(deliveryIds).forEach(d -> found.put(d.id(), d));
    Map<String, AlertEvent> eventsById = new HashMap<>();
    events.findAll(found.values().stream().map(Delivery::eventId).distinct().toList()).forEach(e -> eventsById.put(e.id(), e));
    Batch batch =
        new Batch(
            snapshots.current(found.values().stream().map(Delivery::channelId).filter(Objects::nonNull).distinct().toList()),
            checks.groupsOf(eventsById.values().stream().map(AlertEvent::checkId).filter(Objects::nonNull).distinct().toList()));
    Map<String, PreparedDelivery> prepared = new LinkedHashMap<>();
    List<String> toCancel = new ArrayList<>();
    for (String id : deliveryIds) {
      Delivery delivery = found.get(id);
      if (delivery == null || delivery.status().isFinished()) {
        continue;
      }
      try {
        Optional<PreparedDelivery> p = prepare(delivery, eventsById.get(delivery.eventId()), batch);
        if (p.isPresent()) {
          prepared.put(id, p.get());
        } else {
          toCancel.add(id);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not prepare delivery " + id + "; its lease will expire and it retries", e);
      }
    }
    return new Prepared(prepared, toCancel);
  }

  /** What {@link #prepareAll} answers: deliveries ready (to send, or to record as unsendable), and to cancel. */
  public record Prepared(Map<String, PreparedDelivery> ready, List<String> toCancel) {}

  /**
   * What the deliveries of one list share, read or resolved once each: their channels (kept between lists by
   * {@link ChannelSnapshots}), their checks' groups, a channel's decrypted parameters and secrets, a group's
   * stored variables, a channel's rate window.
   */
  private final class Batch {
    final Map<String, ChannelSnapshot> channels;
    final Map<String, String> groupOfCheck;
    final Map<String, ResolvedChannel> resolved = new HashMap<>();
    final Map<String, RenderContexts.RenderContext> storedByGroup = new HashMap<>();
    final Map<String, PreparedDelivery.RateWindow> rateWindows = new HashMap<>();

    Batch(Map<String, ChannelSnapshot> channels, Map<String, String> groupOfCheck) {
      this.channels = channels;
      this.groupOfCheck = groupOfCheck;
    }

    /** An unreadable secret throws out of it, and nothing is remembered. */
    ResolvedChannel resolved(ChannelSnapshot channel) {
      return resolved.computeIfAbsent(channel.id(), id -> requests.resolve(channel, clock.instant()));
    }

    RenderContexts.RenderContext stored(String checkId) {
      // Group variables come from the group of the check the alert is about, as it is now.
      String groupId = checkId == null ? null : groupOfCheck.get(checkId);
      return storedByGroup.computeIfAbsent(groupId, contexts::stored);
    }
  }

  private Optional<PreparedDelivery> prepare(Delivery delivery, AlertEvent event, Batch batch) {
    ChannelSnapshot channel = delivery.channelId() == null ? null : batch.channels.get(delivery.channelId());
    if (channel == null || event == null) {
      return Optional.empty(); // its channel or event is gone: the caller cancels it
    }
    int attempt = delivery.attempts() + 1;
    ResolvedChannel resolved;
    RenderContexts.RenderContext context;
    try {
      resolved = batch.resolved(channel);
      context = contexts.withEvent(JsonValues.parseObject(event.variablesJson()), batch.stored(event.checkId()));
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
              delivery.kind(),
              delivery.createdAt(),
              attempt,
              built.sent(),
              built.shown(),
              null,
              null,
              redactor.withSentHeaders(built.sent().headers()),
              channel.retryPolicy(),
              channel.connectTimeout(),
              channel.responseTimeout(),
              batch.rateWindows.computeIfAbsent(channel.id(), k -> rateWindow(channel))));
    } catch (InvalidInputException e) {
      String reason = new InvalidInputException(requests.errorsWithoutSecrets(e, resolved, context)).getMessage();
      return Optional.of(unsendable(delivery, channel, attempt, redactor.redact(reason), ErrorClass.INVALID_REQUEST, redactor));
    }
  }

  private PreparedDelivery unsendable(
      Delivery delivery, ChannelSnapshot channel, int attempt, String reason, ErrorClass why, SecretRedactor redactor) {
    return new PreparedDelivery(
        delivery.id(),
        channel.id(),
        delivery.kind(),
        delivery.createdAt(),
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
