package dev.alertwire.delivery.channel;

import dev.alertwire.delivery.config.AlertwireConfig;
import dev.alertwire.delivery.render.RenderContexts;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.source.LabelMatcher;
import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.delivery.Backoff;
import dev.alertwire.domain.delivery.RetryPolicy;
import dev.alertwire.domain.request.RequestRenderer;
import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.domain.signing.StandardWebhookSignature;
import dev.alertwire.domain.signing.WebhookSecrets;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelParameter;
import dev.alertwire.persistence.channel.AlertSettings;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.channel.ChannelSubscription;
import dev.alertwire.persistence.check.CheckRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Creating, changing and removing alert channels: validation first, so bad input stores nothing. */
@Stateless
@Permit(ApiToken.Role.ADMIN)
public class ChannelAdministration {
  @Inject ChannelRepository channels;
  @Inject CheckRepository checks;
  @Inject RequestRenderer renderer;
  @Inject SecretCipher cipher;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject RenderContexts contexts;
  @Inject AlertwireConfig config;

  /** A saved channel, and the webhook secret the server generated for it, if it did (shown this once). */
  public record Saved(AlertChannel channel, String generatedSecret) {}

  public Saved create(ChannelInput input) {
    List<FieldError> errors = new ArrayList<>();
    String name = required(input.name(), "name", 200, errors);
    AlertChannel channel = new AlertChannel(name == null ? "" : name, clock.instant());
    String generated = apply(channel, input, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    channels.add(channel);
    audit.record("channel created", channel.name(), secretsChanged(input));
    return new Saved(channel, generated);
  }

  /**
   * What {@link #create} would refuse in this input, without storing anything: the same checks on a channel
   * that is never persisted (templates rendered for every sample alert type, with line and column). For a
   * caller that decides per item (an import that skips what it cannot take) instead of failing the whole
   * request: a refusal thrown from {@link #create} would mark the caller's transaction for rollback.
   */
  public List<FieldError> problems(ChannelInput input) {
    List<FieldError> errors = new ArrayList<>();
    String name = required(input.name(), "name", 200, errors);
    try {
      apply(new AlertChannel(name == null ? "" : name, clock.instant()), input, errors);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    return errors;
  }

  public Optional<Saved> update(String id, ChannelInput input) {
    return channels
        .find(id)
        .map(
            channel -> {
              List<FieldError> errors = new ArrayList<>();
              String name = required(input.name(), "name", 200, errors);
              String generated = apply(channel, input, errors);
              if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
              }
              channel.rename(name);
              channel.clearGoneFlag();
              channel.touch(clock.instant());
              audit.record("channel updated", channel.name(), secretsChanged(input));
              return new Saved(channel, generated);
            });
  }

  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public Optional<AlertChannel> find(String id) {
    return channels.find(id);
  }

  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public List<AlertChannel> all() {
    return channels.all();
  }

  public boolean delete(String id) {
    Optional<AlertChannel> found = channels.find(id);
    found.ifPresent(
        channel -> {
          channels.remove(channel);
          audit.record("channel deleted", channel.name(), null);
        });
    return found.isPresent();
  }

  /**
   * Renders the draft for every sample alert type, as the preview does, with the environment's variables
   * (secrets as their placeholders), and returns the template errors of the first type that fails: a
   * template that fails only when it renders would otherwise be saved and fail every real alert.
   */
  private List<FieldError> sampleRenderErrors(WebhookTemplate draft) {
    for (SampleEvents.Kind kind : SampleEvents.Kind.values()) {
      if (kind == SampleEvents.Kind.ALERTMANAGER) {
        // Not every channel receives Alertmanager's alerts: its variables differ, and a template written
        // for check alerts must still save. The preview shows how it renders one.
        continue;
      }
      var context = contexts.shownForEvent(SampleEvents.of(kind, clock, config.baseUrl()), null).shown();
      List<FieldError> found = renderer.renderErrors(draft, context);
      if (!found.isEmpty()) {
        return found.stream()
            .map(e -> new FieldError(e.field(), e.message() + " (rendering a sample " + kind.name() + " alert)", e.line(), e.column()))
            .toList();
      }
    }
    return List.of();
  }

  /** Which secrets this input sets, replaces or removes: names only, never values. */
  private static String secretsChanged(ChannelInput input) {
    List<String> notes = new ArrayList<>();
    if (input.webhookSecret() != null) {
      notes.add(input.webhookSecret().isEmpty() ? "webhook secret removed" : "webhook secret set");
    }
    rowsWithNewSecrets(input.headers(), "header ", notes);
    rowsWithNewSecrets(input.queryParameters(), "query parameter ", notes);
    return notes.isEmpty() ? null : String.join("; ", notes);
  }

  private static void rowsWithNewSecrets(List<KeyValue> rows, String label, List<String> notes) {
    if (rows == null) {
      return;
    }
    rows.stream()
        .filter(r -> r != null && r.locked() && !r.value().isEmpty())
        .forEach(r -> notes.add("secret " + label + r.key() + " set"));
  }

  /** @return a webhook secret generated for the Standard Webhooks scheme, or null */
  private String apply(AlertChannel channel, ChannelInput in, List<FieldError> errors) {
    String url = required(in.url(), "url", 4000, errors);
    HttpMethod method = HttpMethod.POST;
    if (in.method() != null && !in.method().isBlank()) {
      method = HttpMethod.parse(in.method()).orElse(null);
      if (method == null) {
        errors.add(FieldError.of("method", "must be one of GET, POST, PUT, PATCH, HEAD, DELETE"));
      }
    }
    if (url != null && !url.contains("{{")) {
      checkLiteralUrl(url, errors);
    }
    List<KeyValue> headers = rows(in.headers(), "headers", errors);
    List<KeyValue> query = rows(in.queryParameters(), "queryParameters", errors);
    String body = WebhookTemplate.lf(in.template());
    if (url != null) {
      try {
        // Compile even when the method is wrong, so one answer lists every problem.
        WebhookTemplate draft = new WebhookTemplate(url, HttpMethod.POST, headers, query, body);
        renderer.validate(draft);
        errors.addAll(sampleRenderErrors(draft));
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      }
    }
    AlertChannel.SignatureScheme scheme = parseScheme(in.signatureScheme(), channel.signatureScheme(), errors);
    RetryPolicy retry = retryPolicy(in, channel.retryPolicy(), errors);
    Duration connect = timeout(in.connectTimeoutMs(), channel.connectTimeout(), "connectTimeoutMs", 60_000, errors);
    Duration response = timeout(in.responseTimeoutMs(), channel.responseTimeout(), "responseTimeoutMs", 90_000, errors);
    // CHECKLY: at least 16 characters; STANDARD_WEBHOOKS: whsec_ and base64 (or empty, to have one generated).
    errors.addAll(WebhookSecrets.check(in.webhookSecret(), scheme == AlertChannel.SignatureScheme.STANDARD_WEBHOOKS));
    Integer rateLimit = in.rateLimitPerMinute();
    if (rateLimit != null && (rateLimit < 0 || rateLimit > 100_000)) {
      errors.add(FieldError.of("rateLimitPerMinute", "must be between 0 (no limit) and 100000"));
    }
    List<ChannelSubscription> subscriptions = subscriptions(in.subscriptions(), errors);
    AlertSettings alertSettings = alertSettings(in.alertSettings(), channel.alertSettings(), errors);
    if (!errors.isEmpty()) {
      return null;
    }
    channel.describeRequest(url, method, body, parameters(channel, headers, query));
    if (subscriptions != null) {
      channel.subscribe(subscriptions);
    }
    channel.alertOn(alertSettings);
    channel.useSignatureScheme(scheme);
    channel.retryWith(retry);
    channel.timeouts(connect, response);
    if (in.activated() != null) {
      channel.activate(in.activated());
    }
    if (in.supersedeOlder() != null) {
      channel.supersedeOlder(in.supersedeOlder());
    }
    if (rateLimit != null) {
      channel.limitRate(rateLimit == 0 ? null : rateLimit);
    }
    Instant now = clock.instant();
    if (in.webhookSecret() != null) {
      channel.replaceWebhookSecret(in.webhookSecret().isEmpty() ? null : cipher.encrypt(in.webhookSecret()), now);
    }
    if (scheme == AlertChannel.SignatureScheme.STANDARD_WEBHOOKS
        && (Boolean.TRUE.equals(in.rotateWebhookSecret()) || !hasStandardSecret(channel))) {
      String generated = StandardWebhookSignature.newSecret();
      channel.replaceWebhookSecret(cipher.encrypt(generated), now);
      return generated;
    }
    return null;
  }

  private boolean hasStandardSecret(AlertChannel channel) {
    return channel.hasWebhookSecret()
        && StandardWebhookSignature.isValidSecret(cipher.decrypt(channel.encryptedWebhookSecret()));
  }

  /** Locked values are encrypted; a locked row sent without a value keeps the stored one of the same key. */
  private List<ChannelParameter> parameters(AlertChannel channel, List<KeyValue> headers, List<KeyValue> query) {
    List<ChannelParameter> result = new ArrayList<>();
    addParameters(channel, ChannelParameter.Kind.HEADER, headers, result);
    addParameters(channel, ChannelParameter.Kind.QUERY, query, result);
    return result;
  }

  private void addParameters(
      AlertChannel channel, ChannelParameter.Kind kind, List<KeyValue> rows, List<ChannelParameter> result) {
    for (KeyValue row : rows) {
      if (!row.locked()) {
        result.add(new ChannelParameter(kind, row.key(), row.value(), false));
      } else if (!row.value().isEmpty()) {
        result.add(new ChannelParameter(kind, row.key(), cipher.encrypt(row.value()), true));
      } else {
        ChannelParameter stored =
            channel.parameters(kind).stream().filter(p -> p.locked() && p.name().equals(row.key())).findFirst().orElse(null);
        if (stored == null) {
          throw new InvalidInputException(
              (kind == ChannelParameter.Kind.HEADER ? "headers" : "queryParameters"),
              "the locked value of " + row.key() + " is not stored yet; send its value");
        }
        result.add(stored);
      }
    }
  }

  private List<ChannelSubscription> subscriptions(List<ChannelInput.Subscription> in, List<FieldError> errors) {
    if (in == null) {
      return null;
    }
    List<ChannelSubscription> result = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      ChannelInput.Subscription s = in.get(i);
      String field = "subscriptions[" + i + "]";
      boolean hasCheck = s.checkId() != null && !s.checkId().isBlank();
      boolean hasGroup = s.groupId() != null && !s.groupId().isBlank();
      boolean hasLabel = s.label() != null && !s.label().isBlank();
      if ((hasCheck ? 1 : 0) + (hasGroup ? 1 : 0) + (hasLabel ? 1 : 0) != 1) {
        errors.add(FieldError.of(field, "names one of a checkId, a groupId or a label (name=value)"));
      } else if (hasLabel) {
        LabelMatcher.parse(s.label())
            .ifPresentOrElse(
                label -> result.add(ChannelSubscription.toLabel(label, s.activated() == null || s.activated())),
                () -> errors.add(FieldError.of(field + ".label", LabelMatcher.RULE)));
      } else if (hasCheck && checks.find(s.checkId()).isEmpty()) {
        errors.add(FieldError.of(field + ".checkId", "no check with id " + s.checkId()));
      } else if (hasGroup && checks.group(s.groupId()).isEmpty()) {
        errors.add(FieldError.of(field + ".groupId", "no group with id " + s.groupId()));
      } else {
        result.add(new ChannelSubscription(hasCheck ? s.checkId() : null, hasGroup ? s.groupId() : null, s.activated() == null || s.activated()));
      }
    }
    return result;
  }

  private static AlertSettings alertSettings(ChannelInput.AlertSettingsInput in, AlertSettings current, List<FieldError> errors) {
    if (in == null) {
      return current;
    }
    int threshold = in.sslExpiryThreshold() == null ? current.sslExpiryThreshold() : in.sslExpiryThreshold();
    if (threshold < 1 || threshold > 30) {
      errors.add(FieldError.of("sslExpiryThreshold", "must be 1 to 30 days"));
    }
    return new AlertSettings(
        in.sendFailure() == null ? current.sendFailure() : in.sendFailure(),
        in.sendRecovery() == null ? current.sendRecovery() : in.sendRecovery(),
        in.sendDegraded() == null ? current.sendDegraded() : in.sendDegraded(),
        in.sslExpiry() == null ? current.sslExpiry() : in.sslExpiry(),
        threshold,
        in.autoSubscribe() == null ? current.autoSubscribe() : in.autoSubscribe());
  }

  private static List<KeyValue> rows(List<KeyValue> rows, String field, List<FieldError> errors) {
    if (rows == null) {
      return List.of();
    }
    if (rows.size() > RequestRenderer.MAX_ROWS) {
      errors.add(FieldError.of(field, "at most " + RequestRenderer.MAX_ROWS + " entries"));
      return List.of();
    }
    List<KeyValue> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      KeyValue row = rows.get(i);
      if (row == null || row.key().isBlank()) {
        errors.add(FieldError.of(field + "[" + i + "].key", "is required"));
      } else if (row.key().length() > 500) {
        errors.add(FieldError.of(field + "[" + i + "].key", "must be at most 500 characters"));
      } else if (row.locked() && !row.value().isEmpty() && row.value().length() < VariableAdministration.MIN_SECRET_LENGTH) {
        errors.add(FieldError.of(field + "[" + i + "].value", "a locked value must be at least " + VariableAdministration.MIN_SECRET_LENGTH + " characters"));
      } else {
        result.add(row);
      }
    }
    return result;
  }

  private static void checkLiteralUrl(String url, List<FieldError> errors) {
    try {
      URI uri = URI.create(url.trim().replace(" ", "%20"));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        errors.add(FieldError.of("url", "must start with http:// or https:// (Alertwire sends webhooks over HTTP)"));
      } else if (uri.getHost() == null) {
        errors.add(FieldError.of("url", "has no host: write it as http://host/path (a host with _ in its name is not a valid host)"));
      }
    } catch (IllegalArgumentException e) {
      errors.add(FieldError.of("url", e.getCause() instanceof java.net.URISyntaxException syntax
          ? RequestRenderer.urlProblem(syntax) : "is not a valid URL"));
    }
  }

  private static AlertChannel.SignatureScheme parseScheme(
      String text, AlertChannel.SignatureScheme current, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return current;
    }
    try {
      return AlertChannel.SignatureScheme.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(FieldError.of("signatureScheme", "must be CHECKLY or STANDARD_WEBHOOKS"));
      return current;
    }
  }

  private static RetryPolicy retryPolicy(ChannelInput in, RetryPolicy current, List<FieldError> errors) {
    int retries = in.maxRetries() == null ? current.maxRetries() : in.maxRetries();
    long delayMs = in.retryDelayMs() == null ? current.delay().toMillis() : in.retryDelayMs();
    Backoff backoff = current.backoff();
    if (in.backoff() != null && !in.backoff().isBlank()) {
      try {
        backoff = Backoff.valueOf(in.backoff().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(FieldError.of("backoff", "must be FIXED or EXPONENTIAL"));
      }
    }
    if (retries < 0 || retries > RetryPolicy.MAX_RETRIES_LIMIT) {
      errors.add(FieldError.of("maxRetries", "must be between 0 and " + RetryPolicy.MAX_RETRIES_LIMIT));
      return current;
    }
    if (delayMs < 0 || delayMs > Duration.ofHours(1).toMillis()) {
      errors.add(FieldError.of("retryDelayMs", "must be between 0 and 3600000"));
      return current;
    }
    return new RetryPolicy(retries, Duration.ofMillis(delayMs), backoff, current.maxDelay());
  }

  private static Duration timeout(Integer millis, Duration current, String field, int max, List<FieldError> errors) {
    if (millis == null) {
      return current;
    }
    if (millis < 100 || millis > max) {
      errors.add(FieldError.of(field, "must be between 100 and " + max));
      return current;
    }
    return Duration.ofMillis(millis);
  }

  private static String required(String value, String field, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(FieldError.of(field, "is required"));
      return null;
    }
    if (value.length() > max) {
      errors.add(FieldError.of(field, "must be at most " + max + " characters"));
      return null;
    }
    return value.trim();
  }
}
