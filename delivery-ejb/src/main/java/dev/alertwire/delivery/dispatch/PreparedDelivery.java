package dev.alertwire.delivery.dispatch;

import dev.alertwire.domain.delivery.RetryPolicy;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.secret.SecretRedactor;
import java.time.Duration;

/**
 * A claimed delivery ready to go: the request to send, or why none can be built. The redactor travels with
 * it so that what is recorded never contains a secret.
 */
public record PreparedDelivery(
    String deliveryId,
    String channelId,
    int attemptNumber,
    OutgoingRequest request,
    String invalidReason,
    SecretRedactor redactor,
    RetryPolicy retryPolicy,
    Duration connectTimeout,
    Duration responseTimeout) {

  public boolean isValid() {
    return request != null;
  }
}
