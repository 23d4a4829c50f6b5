package dev.alertwire.delivery.dispatch;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.domain.delivery.RetryPolicy;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.secret.SecretRedactor;
import java.time.Duration;
import java.time.Instant;

/**
 * A claimed delivery ready to go: the request to send and the same request as it is recorded (rendered with
 * each secret as its placeholder), or why none can be built (and whether trying again can help). The
 * redactor, which knows what was sent, travels with it for the receiver's answer. Its kind and creation time
 * never change, and recording the attempt needs them (the channel's outcome counters; the age metric).
 */
public record PreparedDelivery(
    String deliveryId,
    String channelId,
    DeliveryKind kind,
    Instant createdAt,
    int attemptNumber,
    OutgoingRequest request,
    OutgoingRequest shown,
    String invalidReason,
    ErrorClass invalidClass,
    SecretRedactor redactor,
    RetryPolicy retryPolicy,
    Duration connectTimeout,
    Duration responseTimeout,
    RateWindow rateWindow) {

  /** A channel's rate limit: attempts allowed per minute, used in the last minute, and when one frees up. */
  public record RateWindow(int limit, long used, Instant freesAt) {
    public boolean full(int inFlight) {
      return used + inFlight >= limit;
    }
  }

  public boolean isValid() {
    return request != null;
  }
}
