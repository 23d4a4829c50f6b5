package dev.alertwire.persistence.channel;

import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.delivery.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What sending a delivery needs of its channel, copied from the entity at one {@code version}: the request's
 * parts, the signing secrets, the retry policy, the timeouts and the rate limit. {@link ChannelSnapshots}
 * keeps these between deliveries and shares them between threads, where an entity belongs to one persistence
 * context. Secrets stay as they are stored, encrypted (locked parameters, the webhook secret and the previous
 * one): a snapshot kept in memory holds no secret in the clear; they are decrypted for each list of deliveries
 * prepared, as before.
 *
 * @param previousSecretUntil when the rotated-out webhook secret stops signing; null when there is none
 */
public record ChannelSnapshot(
    String id,
    long version,
    String url,
    HttpMethod method,
    String bodyTemplate,
    List<Parameter> parameters,
    String encryptedWebhookSecret,
    String encryptedPreviousSecret,
    Instant previousSecretUntil,
    AlertChannel.SignatureScheme signatureScheme,
    RetryPolicy retryPolicy,
    Duration connectTimeout,
    Duration responseTimeout,
    Integer rateLimitPerMinute) {

  /** A header or query parameter; {@code value} is encrypted when {@code locked}. */
  public record Parameter(ChannelParameter.Kind kind, String name, String value, boolean locked) {}

  public ChannelSnapshot {
    parameters = List.copyOf(parameters);
  }

  public static ChannelSnapshot of(AlertChannel channel) {
    return new ChannelSnapshot(
        channel.id(),
        channel.version(),
        channel.url(),
        channel.method(),
        channel.bodyTemplate(),
        channel.parameters().stream().map(p -> new Parameter(p.kind(), p.name(), p.value(), p.locked())).toList(),
        channel.encryptedWebhookSecret(),
        channel.encryptedPreviousSecret().orElse(null),
        channel.previousSecretUntil().orElse(null),
        channel.signatureScheme(),
        channel.retryPolicy(),
        channel.connectTimeout(),
        channel.responseTimeout(),
        channel.rateLimitPerMinute().orElse(null));
  }

  public boolean hasWebhookSecret() {
    return encryptedWebhookSecret != null;
  }

  /** The previous webhook secret while the rotation overlap lasts, as {@link AlertChannel#encryptedPreviousSecret(Instant)}. */
  public Optional<String> encryptedPreviousSecret(Instant now) {
    return AlertChannel.overlapping(encryptedPreviousSecret, previousSecretUntil, now);
  }

  public Optional<Integer> rateLimit() {
    return Optional.ofNullable(rateLimitPerMinute);
  }

  /** Names the channel and its version only: a record's own would print the stored secrets, encrypted as they are. */
  @Override
  public String toString() {
    return "ChannelSnapshot[" + id + " v" + version + "]";
  }
}
