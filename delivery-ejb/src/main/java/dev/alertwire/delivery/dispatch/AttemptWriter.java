package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.delivery.metrics.DeliveryMetrics;
import dev.alertwire.domain.delivery.AttemptOutcome;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.persistence.delivery.ChannelOutcomeCounts;
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
 * recorder, which changes the channel in the same transaction. Metrics are counted as the recorder counts
 * them ({@link dev.alertwire.delivery.metrics.DeliveryMetrics#attempted}), once the group commit is done.
 */
@ApplicationScoped
public class AttemptWriter {
  @Inject Commits commits;
  @Inject AttemptRecorder recorder;
  @Inject Clock clock;
  @Inject DeliveryMetrics metrics;

  /** @return when this delivery is due again, if it is */
  public Optional<Instant> record(PreparedDelivery prepared, SendResult result) {
    AttemptOutcome outcome = result.outcome();
    if (outcome.isGone()) {
      return recorder.record(prepared, result);
    }
    Instant now = clock.instant();
    // Computed here, used only if the delivery is still unfinished when the writer updates its row.
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
    Recorded recorded = commits.await(
        c -> {
          // The delivery's UPDATE first, only while it is unfinished: the common case, one write of its row, which
          // it also locks until the commit. Reading its row with a lock first, as before, was a write of its own
          // on H2 (a row lock is one) and cost more of the writer than the UPDATE (docs/benchmarks.md, section 16).
          DeliveryStatus status;
          Instant next;
          if (DeliveryWrites.attempted(c, prepared.deliveryId(), result.status(), summary, retryAt, finalStatus, now)) {
            next = retryAt;
            status = next != null ? DeliveryStatus.RETRYING : finalStatus; // the status Delivery#attempted leaves
            if (next == null && ChannelOutcomeCounts.counts(prepared.channelId(), prepared.kind(), finalStatus)) {
              ChannelOutcomeCounts.add(c, prepared.channelId(), finalStatus, now);
            }
          } else {
            // Superseded or cancelled while in flight (no retry), or pruned or deleted meanwhile (nothing left to
            // record against): its row, locked, says which.
            Optional<DeliveryWrites.Locked> locked = DeliveryWrites.lock(c, prepared.deliveryId());
            if (locked.isEmpty()) {
              return null;
            }
            next = null;
            status = locked.get().status();
          }
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
          return new Recorded(next, status);
        });
    if (recorded == null) {
      return Optional.empty();
    }
    // Committed. The dispatcher calls this outside any transaction, so it counts at once, as the recorder
    // counts when its own transaction commits.
    metrics.attempted(prepared, result, prepared.createdAt(), recorded.statusAfter());
    return Optional.ofNullable(recorded.next());
  }

  /** What the write answers; built by the run that committed (a write may run twice, see GroupCommit). */
  private record Recorded(Instant next, DeliveryStatus statusAfter) {}
}
