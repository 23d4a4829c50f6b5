package dev.alertwire.delivery.preview;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.config.AlertwireConfig;
import dev.alertwire.delivery.dispatch.HttpSender;
import dev.alertwire.delivery.dispatch.SendResult;
import dev.alertwire.delivery.render.ChannelRequests;
import dev.alertwire.delivery.render.RenderContexts;
import dev.alertwire.delivery.render.ResolvedChannel;
import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.event.AlertEvent;
import jakarta.json.Json;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a draft, as it is on screen, once and now, for a sample alert: the same rendering, signing and HTTP
 * client as a delivery, no retries. The result is recorded as a TEST delivery, redacted like any other.
 * No transaction is open while waiting for the receiver.
 */
@Stateless
@Permit(ApiToken.Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TestSend {
  @Inject TemplatePreview preview;
  @Inject ChannelRequests requests;
  @Inject RenderContexts contexts;
  @Inject HttpSender sender;
  @Inject TestSendRecorder recorder;
  @Inject ChannelRepository channels;
  @Inject AlertwireConfig config;
  @Inject Clock clock;

  /** What was sent and what came back, every part redacted; or the template errors that stopped it. */
  public record Result(
      String deliveryId,
      RequestView request,
      Integer status,
      Map<String, List<String>> responseHeaders,
      String responseBody,
      long durationMs,
      String error,
      List<FieldError> errors) {}

  public Result send(ChannelDraft draft, String channelName, SampleEvents.Kind kind) {
    Map<String, Object> event = SampleEvents.of(kind, clock, config.baseUrl());
    ResolvedChannel channel = preview.resolve(draft);
    RenderContexts.RenderContext context = contexts.forEvent(event, null);
    AlertChannel saved = channels.find(draft.channelId()).orElse(null);
    String name = channelName == null || channelName.isBlank() ? (saved == null ? "Unsaved channel" : saved.name()) : channelName.trim();
    Instant now = clock.instant();
    // The rows are built before sending so the receiver sees the x-alertwire-delivery-id the history shows.
    AlertEvent alert =
        new AlertEvent(
            (String) event.get("CHECK_ID"), (String) event.get("ALERT_TYPE"), now, Json.createObjectBuilder(event).build().toString(), now);
    Delivery delivery = new Delivery(alert.id(), alert.checkId(), alert.alertType(), saved == null ? null : saved.id(), name, DeliveryKind.TEST, now);
    ChannelRequests.Built built;
    try {
      built = requests.build(channel, context, delivery.id(), now, now);
    } catch (InvalidInputException e) {
      return new Result(null, null, null, Map.of(), null, 0, null, requests.errorsWithoutSecrets(e, channel, context));
    }
    OutgoingRequest request = built.sent();
    SecretRedactor redactor = requests.redactorFor(channel, context).withSentHeaders(request.headers());
    Duration connect = saved == null ? Duration.ofSeconds(5) : saved.connectTimeout();
    Duration response = saved == null ? Duration.ofSeconds(30) : saved.responseTimeout();
    // The sender ends the attempt at the response timeout (connect, headers and body); the wait is a backstop.
    SendResult result = await(sender.send(request, connect, response), response.plusSeconds(5), now);
    recorder.record(alert, delivery, kind, built.shown(), result, redactor);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    result.headers().forEach((k, v) -> headers.put(k, v.stream().map(redactor::redact).toList()));
    String error = result.error() == null ? null : redactor.redact(result.error() + (result.errorMessage() == null ? "" : ": " + result.errorMessage()));
    return new Result(
        delivery.id(), RequestView.of(built.shown(), redactor), result.status(), headers, redactor.redactCut(result.body()), result.durationMs(), error, List.of());
  }

  private static SendResult await(java.util.concurrent.CompletableFuture<SendResult> future, Duration limit, Instant started) {
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendResult(started, 0, null, Map.of(), null, dev.alertwire.domain.delivery.ErrorClass.CONNECTION, "interrupted");
    } catch (ExecutionException | TimeoutException e) {
      return new SendResult(started, limit.toMillis(), null, Map.of(), null, dev.alertwire.domain.delivery.ErrorClass.TIMEOUT, "no answer within " + limit.toSeconds() + " s");
    }
  }
}
