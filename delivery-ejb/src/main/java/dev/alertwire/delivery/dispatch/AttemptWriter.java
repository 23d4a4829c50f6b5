package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.domain.delivery.AttemptOutcome;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.persistence.delivery.DeliveryAttempt;
import dev.alertwire.persistence.delivery.DeliveryWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Records an attempt and its consequence the way {@link AttemptRecorder#record} does, through the group
 * commit: the redacting and rendering of the record happen on the caller's thread, and only the INSERT and
 * the delivery's UPDATE wait for the writer. An answer that flags the channel gone (410) goes to the
 * recorder, which changes the channel in the same transaction.
 */
@ApplicationScoped
public class AttemptWriter {
  @Inject Commits commits;
  @Inject AttemptRecorder recorder;
  @Inject Clock clock;

  /** @return when this delivery is due again, if it is */
  public Optional<Instant> record(PreparedDelivery prepared, SendResult result) {
    AttemptOutcome outcome = result.outcome();
    if (outcome.isGone()) {
      return recorder.record(prepared, result);
    }
    Instant now = clock.instant();
    // Computed here, used only if the delivery is still unfinished when the writer locks its row.
    Instant retryAt =
        prepared.retryPolicy().nextAttempt(prepared.attemptNumber(), outcome, now, RandomGenerator.getDefault()).orElse(null);
    SecretRedactor redactor = prepared.redactor();
    var request = prepared.shown();
    String requestUrl = redactor.redact(request.uri().toString());
    String requestHeaders = AttemptRecorder.headersJson(request.headers(), redactor);
    String requestBody = redactor.redact(request.body());
    String responseHeaders = AttemptRecorder.responseHeadersJson(result.headers(), redactor);
    String responseBody = redactor.redactCut(result.body());
    String errorMessage = redactor.redact(result.errorMessage());
    String summary = AttemptRecorder.summary(result, redactor);
    DeliveryStatus finalStatus = outcome.isSuccess() ? DeliveryStatus.SUCCEEDED : DeliveryStatus.FAILED;
    return commits.await(
        c -> {
          Optional<DeliveryStatus> status = DeliveryWrites.lockStatus(c, prepared.deliveryId());
          if (status.isEmpty()) {
            return Optional.<Instant>empty(); // pruned or deleted meanwhile: nothing left to record against
          }
          boolean finished = status.get().isFinished(); // superseded or cancelled while in flight: no retry
          Instant next = finished ? null : retryAt;
          DeliveryWrites.insertAttempt(
              c,
              new DeliveryAttempt(
                  prepared.deliveryId(),
                  prepared.channelId(),
                  new DeliveryAttempt.Details(
                      prepared.attemptNumber(),
                      result.startedAt(),
                      result.durationMs(),
                      request.method().name(),
                      requestUrl,
                      requestHeaders,
                      requestBody,
                      result.status(),
                      responseHeaders,
                      responseBody,
                      result.error(),
                      errorMessage,
                      next)));
          if (!finished) {
            DeliveryWrites.attempted(c, prepared.deliveryId(), result.status(), summary, next, finalStatus, now);
          }
          return Optional.ofNullable(next);
        });
  }
}
