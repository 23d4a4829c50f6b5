package dev.alertwire.delivery.render;

import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.request.RequestRenderer;
import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.domain.signing.ChecklySignature;
import dev.alertwire.domain.signing.StandardWebhookSignature;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelParameter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * From a channel and an alert to the exact request: rendered templates, delivery id, timestamp and signature
 * headers. Shared by deliveries, previews and test-sends, so all three show the same thing.
 */
@ApplicationScoped
public class ChannelRequests {
  public static final String DELIVERY_ID_HEADER = "x-alertwire-delivery-id";
  static final String USER_AGENT = "Alertwire/0.1 (+webhook)";
  static final String MASK = "********";

  @Inject RequestRenderer renderer;
  @Inject SecretCipher cipher;

  /** A request and the redactor that hides every secret that went into it. */
  public record Built(OutgoingRequest request, SecretRedactor redactor) {}

  public ResolvedChannel resolve(AlertChannel channel, Instant now) {
    List<KeyValue> headers = new ArrayList<>();
    List<KeyValue> query = new ArrayList<>();
    List<String> locked = new ArrayList<>();
    for (ChannelParameter p : channel.parameters()) {
      String value = p.locked() ? cipher.decrypt(p.value()) : p.value();
      if (p.locked()) {
        locked.add(value);
      }
      KeyValue kv = new KeyValue(p.name(), value, p.locked());
      (p.kind() == ChannelParameter.Kind.HEADER ? headers : query).add(kv);
    }
    String secret = channel.hasWebhookSecret() ? cipher.decrypt(channel.encryptedWebhookSecret()) : null;
    WebhookTemplate template =
        new WebhookTemplate(channel.url(), channel.method(), headers, query, channel.bodyTemplate());
    String previous = channel.encryptedPreviousSecret(now).map(cipher::decrypt).orElse(null);
    return new ResolvedChannel(template, locked, secret, previous, channel.signatureScheme());
  }

  /** The redactor for this channel and context, usable even when rendering fails. */
  public SecretRedactor redactorFor(ResolvedChannel channel, RenderContexts.RenderContext context) {
    Map<String, String> secrets = new LinkedHashMap<>(context.secrets());
    channel.lockedValues().forEach(v -> secrets.put(v, MASK));
    if (channel.webhookSecret() != null) {
      secrets.put(channel.webhookSecret(), MASK);
    }
    if (channel.previousSecret() != null) {
      secrets.put(channel.previousSecret(), MASK);
    }
    return new SecretRedactor(secrets);
  }

  /**
   * @throws dev.alertwire.domain.validation.InvalidInputException when the request cannot be built
   */
  public OutgoingRequest build(
      ResolvedChannel channel,
      RenderContexts.RenderContext context,
      String deliveryId,
      Instant occurredAt,
      Instant now) {
    OutgoingRequest rendered = renderer.render(channel.template(), context.values());
    List<Header> extra = new ArrayList<>();
    extra.add(new Header(DELIVERY_ID_HEADER, deliveryId));
    extra.add(new Header(ChecklySignature.TIMESTAMP_HEADER, Long.toString(occurredAt.toEpochMilli())));
    if (rendered.header("User-Agent").isEmpty()) {
      extra.add(new Header("User-Agent", USER_AGENT));
    }
    if (channel.webhookSecret() != null) {
      if (channel.scheme() == AlertChannel.SignatureScheme.STANDARD_WEBHOOKS) {
        long seconds = now.getEpochSecond();
        extra.add(new Header(StandardWebhookSignature.ID_HEADER, deliveryId));
        extra.add(new Header(StandardWebhookSignature.TIMESTAMP_HEADER, Long.toString(seconds)));
        String signature = StandardWebhookSignature.sign(channel.webhookSecret(), deliveryId, seconds, rendered.bodyBytes());
        if (channel.previousSecret() != null && StandardWebhookSignature.isValidSecret(channel.previousSecret())) {
          // During rotation both signatures go, space-separated, so receivers on either secret verify.
          signature += " " + StandardWebhookSignature.sign(channel.previousSecret(), deliveryId, seconds, rendered.bodyBytes());
        }
        extra.add(new Header(StandardWebhookSignature.SIGNATURE_HEADER, signature));
      } else {
        extra.add(new Header(ChecklySignature.HEADER, ChecklySignature.sign(channel.webhookSecret(), rendered.bodyBytes())));
      }
    }
    return rendered.withHeaders(extra);
  }
}
