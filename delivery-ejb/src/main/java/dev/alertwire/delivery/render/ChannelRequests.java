package dev.alertwire.delivery.render;

import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.request.RequestRenderer;
import dev.alertwire.domain.request.UrlEncoding;
import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.domain.signing.ChecklySignature;
import dev.alertwire.domain.signing.StandardWebhookSignature;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelParameter;
import dev.alertwire.persistence.channel.ChannelSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
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
  public static final String MASK = "********";

  @Inject RequestRenderer renderer;
  @Inject SecretCipher cipher;

  /** The request that goes out, and the same request as it may be shown or stored. */
  public record Built(OutgoingRequest sent, OutgoingRequest shown) {}

  public ResolvedChannel resolve(ChannelSnapshot channel, Instant now) {
    List<KeyValue> headers = new ArrayList<>();
    List<KeyValue> query = new ArrayList<>();
    List<String> locked = new ArrayList<>();
    for (ChannelSnapshot.Parameter p : channel.parameters()) {
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

  /**
   * The redactor for this channel and context, usable even when rendering fails: the second line of
   * defence, for receivers' answers (with {@link SecretRedactor#withSentHeaders}) and error texts.
   */
  public SecretRedactor redactorFor(ResolvedChannel channel, RenderContexts.RenderContext context) {
    Map<String, String> secrets = new LinkedHashMap<>(context.secrets());
    // A placeholder rendered into a URL is percent-encoded: show it as {{NAME}} again.
    context.secrets().values().forEach(p -> secrets.putIfAbsent(p, p));
    secrets.putIfAbsent(MASK, MASK);
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
   * The request to send, with the real values, and the same request as it is shown and stored: rendered
   * again from the shown context (each secret variable as its {@code {{NAME}}}) with the channel's locked
   * values masked, so that whatever helpers a template applies to a secret, what is shown cannot contain it.
   * Signature headers are copied from the sent request: they are computed over a body Alertwire rendered
   * from a real alert, which no viewer chooses.
   *
   * @throws InvalidInputException when the request cannot be built; its messages may quote values, so show
   *     {@link #errorsWithoutSecrets} instead
   */
  public Built build(
      ResolvedChannel channel,
      RenderContexts.RenderContext context,
      String deliveryId,
      Instant occurredAt,
      Instant now) {
    OutgoingRequest sent =
        withStandardHeaders(renderer.render(channel.template(), context.values()), channel, deliveryId, occurredAt, now, new RealSignatures(channel));
    if (!context.hasSecrets() && channel.lockedValues().isEmpty()) {
      return new Built(sent, sent);
    }
    OutgoingRequest shown;
    try {
      shown = shown(channel, context, deliveryId, occurredAt, now, new CopiedSignatures(sent));
    } catch (InvalidInputException differsWithoutSecrets) {
      // Renders with the secrets, not with their placeholders (a template that branches on a secret's
      // value): the sent request, with every secret replaced, is the best there is to show.
      shown = redacted(sent, redactorFor(channel, context));
    }
    return new Built(sent, shown);
  }

  /**
   * The request as a preview shows it: rendered from the shown context, locked values masked, signature
   * headers named but not computed. No secret reaches the template engine, and none signs.
   *
   * @throws InvalidInputException with every error found (from the shown values: they quote no secret)
   */
  public OutgoingRequest preview(ResolvedChannel channel, RenderContexts.RenderContext context, String deliveryId, Instant now) {
    return shown(channel, context, deliveryId, now, now, PLACEHOLDER_SIGNATURES);
  }

  /**
   * Errors of a request that could not be built, safe to show: those of the shown rendering when it fails
   * too (the usual case: a syntax or helper error fails either way), else the fields and positions of the
   * real errors with their messages withheld, as they may quote a secret's value.
   */
  public List<FieldError> errorsWithoutSecrets(
      InvalidInputException real, ResolvedChannel channel, RenderContexts.RenderContext context) {
    try {
      shown(channel, context, "errors", Instant.EPOCH, Instant.EPOCH, PLACEHOLDER_SIGNATURES);
    } catch (InvalidInputException shownToo) {
      return shownToo.errors();
    }
    return real.errors().stream()
        .map(f -> new FieldError(f.field(), "fails only with the secret values in place; the message is withheld because it may quote a secret", f.line(), f.column()))
        .toList();
  }

  /** What a signature header of the preview says instead of a signature. */
  public static final String UNSIGNED = "<HMAC-SHA256 with the webhook secret, computed when sent>";

  private OutgoingRequest shown(
      ResolvedChannel channel,
      RenderContexts.RenderContext context,
      String deliveryId,
      Instant occurredAt,
      Instant now,
      Signatures signatures) {
    WebhookTemplate t = channel.template();
    WebhookTemplate masked = new WebhookTemplate(t.url(), t.method(), masked(t.headers()), masked(t.queryParameters()), t.body());
    return withStandardHeaders(renderer.render(masked, context.shown()), channel, deliveryId, occurredAt, now, signatures);
  }

  private static List<KeyValue> masked(List<KeyValue> rows) {
    return rows.stream().map(r -> r.locked() ? new KeyValue(r.key(), MASK, true) : r).toList();
  }

  private static OutgoingRequest redacted(OutgoingRequest request, SecretRedactor redactor) {
    List<Header> headers = request.headers().stream().map(h -> new Header(h.name(), redactor.redactHeader(h.name(), h.value()))).toList();
    return new OutgoingRequest(request.method(), URI.create(UrlEncoding.encodeIllegal(redactor.redact(request.uri().toString()))), headers, redactor.redact(request.body()));
  }

  /** How a request's signature headers get their values. */
  private interface Signatures {
    String checkly(byte[] body);

    String standard(String deliveryId, long seconds, byte[] body);
  }

  private static final Signatures PLACEHOLDER_SIGNATURES =
      new Signatures() {
        @Override
        public String checkly(byte[] body) {
          return UNSIGNED;
        }

        @Override
        public String standard(String deliveryId, long seconds, byte[] body) {
          return UNSIGNED;
        }
      };

  private record RealSignatures(ResolvedChannel channel) implements Signatures {
    @Override
    public String checkly(byte[] body) {
      return ChecklySignature.sign(channel.webhookSecret(), body);
    }

    @Override
    public String standard(String deliveryId, long seconds, byte[] body) {
      String signature = StandardWebhookSignature.sign(channel.webhookSecret(), deliveryId, seconds, body);
      if (channel.previousSecret() != null && StandardWebhookSignature.isValidSecret(channel.previousSecret())) {
        // During rotation both signatures go, space-separated, so receivers on either secret verify.
        signature += " " + StandardWebhookSignature.sign(channel.previousSecret(), deliveryId, seconds, body);
      }
      return signature;
    }
  }

  private record CopiedSignatures(OutgoingRequest sent) implements Signatures {
    @Override
    public String checkly(byte[] body) {
      return sent.header(ChecklySignature.HEADER).orElse(UNSIGNED);
    }

    @Override
    public String standard(String deliveryId, long seconds, byte[] body) {
      return sent.header(StandardWebhookSignature.SIGNATURE_HEADER).orElse(UNSIGNED);
    }
  }

  private static OutgoingRequest withStandardHeaders(
      OutgoingRequest rendered,
      ResolvedChannel channel,
      String deliveryId,
      Instant occurredAt,
      Instant now,
      Signatures signatures) {
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
        extra.add(new Header(StandardWebhookSignature.SIGNATURE_HEADER, signatures.standard(deliveryId, seconds, rendered.bodyBytes())));
      } else {
        extra.add(new Header(ChecklySignature.HEADER, signatures.checkly(rendered.bodyBytes())));
      }
    }
    return rendered.withHeaders(extra);
  }
}
