package dev.alertwire.delivery.channel;

import dev.alertwire.domain.channel.KeyValue;
import java.util.List;

/**
 * A channel as a client describes it, with the hosted product's field names. {@code webhookSecret}: null
 * keeps the stored one, "" removes it. A locked header or query parameter sent without a value keeps its
 * stored value, so clients can round-trip what they read (which never includes secret values). With the
 * STANDARD_WEBHOOKS scheme the server generates the whsec_ secret (and a new one on
 * {@code rotateWebhookSecret}); it is returned once, in the answer to that request.
 */
public record ChannelInput(
    String name,
    String url,
    String method,
    List<KeyValue> headers,
    List<KeyValue> queryParameters,
    String template,
    String webhookSecret,
    String signatureScheme,
    Boolean activated,
    Integer maxRetries,
    Long retryDelayMs,
    String backoff,
    Integer connectTimeoutMs,
    Integer responseTimeoutMs,
    Boolean supersedeOlder,
    Integer rateLimitPerMinute,
    Boolean rotateWebhookSecret,
    List<Subscription> subscriptions,
    AlertSettingsInput alertSettings) {

  /**
   * {"checkId": ...} or {"groupId": ...}, as in the hosted product's API, or {"label": "team=payments"}: the
   * alerts whose LABELS hold that pair (Alertmanager's and Grafana's alerts).
   */
  public record Subscription(String checkId, String groupId, String label, Boolean activated) {
    public Subscription(String checkId, String groupId, Boolean activated) {
      this(checkId, groupId, null, activated);
    }
  }

  /** The hosted product's names; null keeps the current value. */
  public record AlertSettingsInput(
      Boolean sendFailure, Boolean sendRecovery, Boolean sendDegraded, Boolean sslExpiry, Integer sslExpiryThreshold, Boolean autoSubscribe) {}
}
