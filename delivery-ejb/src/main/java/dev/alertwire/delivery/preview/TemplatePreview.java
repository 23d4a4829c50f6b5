package dev.alertwire.delivery.preview;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.config.AlertwireConfig;
import dev.alertwire.delivery.render.ChannelRequests;
import dev.alertwire.delivery.render.RenderContexts;
import dev.alertwire.delivery.render.ResolvedChannel;
import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.event.EventVariable;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.domain.template.VariableReferences;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelSnapshot;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.variable.VariableRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import dev.alertwire.domain.request.RequestRenderer;
import dev.alertwire.domain.signing.StandardWebhookSignature;
import dev.alertwire.domain.signing.WebhookSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Renders a draft for a sample event as a delivery would, from the context in which each secret is its
 * {@code {{NAME}}} placeholder and each locked value is masked: no secret reaches the template engine and
 * none signs, so no template a viewer can send (helpers that split, replace or encode a value) can reveal one.
 * The one difference from a real delivery: a template that branches on a secret's value sees its placeholder.
 */
@Stateless
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
public class TemplatePreview {
  @Inject ChannelRepository channels;
  @Inject ChannelRequests requests;
  @Inject RenderContexts contexts;
  @Inject AlertwireConfig config;
  @Inject Clock clock;
  @Inject VariableRepository variables;

  /**
   * The rendered request, or every error found; {@code warnings} name the UPPER_CASE variables the templates
   * use that are defined nowhere (not an event variable, not in the environment, not in any group), which
   * render as empty text.
   */
  public record Result(RequestView request, List<FieldError> errors, List<String> warnings) {}

  /**
   * Previews rendering at the same time: each may take a core for a second or two (the render budget), so
   * past this they wait up to {@link #WAIT} for a turn and are then refused. A viewer sending previews in a
   * loop takes these slots, not the server.
   */
  static final int CONCURRENT = Math.max(2, Runtime.getRuntime().availableProcessors());

  static final Duration WAIT = Duration.ofSeconds(2);
  private static final Semaphore RUNNING = new Semaphore(CONCURRENT, true);

  /** @throws Busy when {@link #CONCURRENT} previews are rendering and none ends within {@link #WAIT} */
  public Result preview(ChannelDraft draft, SampleEvents.Kind kind) {
    try {
      if (!RUNNING.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new Busy(CONCURRENT + " previews are rendering already; try again in a moment");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("interrupted while waiting for a turn");
    }
    try {
      return render(draft, kind);
    } finally {
      RUNNING.release();
    }
  }

  private Result render(ChannelDraft draft, SampleEvents.Kind kind) {
    Map<String, Object> event = SampleEvents.of(kind, clock, config.baseUrl());
    ResolvedChannel channel = resolve(draft);
    List<FieldError> tooLarge = RequestRenderer.sizeErrors(channel.template());
    if (!tooLarge.isEmpty()) {
      return new Result(null, tooLarge, List.of());
    }
    if (channel.scheme() == AlertChannel.SignatureScheme.STANDARD_WEBHOOKS
        && channel.webhookSecret() != null
        && !StandardWebhookSignature.isValidSecret(channel.webhookSecret())) {
      // The preview does not sign, but it must not show as valid a request that could never be signed (a
      // stored CHECKLY secret under the other scheme). The message quotes no part of the secret.
      return new Result(null, List.of(FieldError.of(WebhookSecrets.FIELD, WebhookSecrets.STANDARD_FORMAT)), List.of());
    }
    RenderContexts.RenderContext context = contexts.shownForEvent(event, null);
    Instant now = clock.instant();
    List<String> warnings = undefinedVariables(channel.template(), context);
    try {
      var request = requests.preview(channel, context, "preview-" + UUID.randomUUID(), now);
      return new Result(RequestView.of(request, requests.redactorFor(channel, context)), List.of(), warnings);
    } catch (InvalidInputException e) {
      return new Result(null, e.errors(), warnings);
    }
  }

  private List<String> undefinedVariables(WebhookTemplate template, RenderContexts.RenderContext context) {
    Set<String> known = new HashSet<>(context.values().keySet());
    EventVariable.ALL.forEach(v -> known.add(v.name()));
    known.addAll(variables.allKeys());
    Set<String> used = new LinkedHashSet<>();
    used.addAll(VariableReferences.upperCaseNames(template.url()));
    template.headers().forEach(h -> used.addAll(VariableReferences.upperCaseNames(h.value())));
    template.queryParameters().forEach(q -> used.addAll(VariableReferences.upperCaseNames(q.value())));
    used.addAll(VariableReferences.upperCaseNames(template.body()));
    return used.stream()
        .filter(name -> !known.contains(name))
        .map(name -> name + " is not defined as an event, environment or group variable, so it renders as empty text")
        .toList();
  }

  public ResolvedChannel resolve(ChannelDraft draft) {
    Optional<AlertChannel> stored = channels.find(draft.channelId());
    ResolvedChannel saved = stored.map(c -> requests.resolve(ChannelSnapshot.of(c), clock.instant())).orElse(null);
    HttpMethod method = HttpMethod.parse(draft.method()).orElse(HttpMethod.POST);
    List<String> locked = new ArrayList<>();
    List<KeyValue> headers = withStoredSecrets(draft.headers(), saved == null ? List.of() : saved.template().headers(), locked);
    List<KeyValue> query =
        withStoredSecrets(draft.queryParameters(), saved == null ? List.of() : saved.template().queryParameters(), locked);
    String secret = draft.webhookSecret();
    if (secret == null && saved != null) {
      secret = saved.webhookSecret();
    }
    AlertChannel.SignatureScheme scheme = AlertChannel.SignatureScheme.CHECKLY;
    if (draft.signatureScheme() != null && !draft.signatureScheme().isBlank()) {
      try {
        scheme = AlertChannel.SignatureScheme.valueOf(draft.signatureScheme().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("signatureScheme", "must be CHECKLY or STANDARD_WEBHOOKS");
      }
    }
    return new ResolvedChannel(
        new WebhookTemplate(draft.url(), method, headers, query, draft.template()),
        locked,
        secret == null || secret.isEmpty() ? null : secret,
        saved == null || draft.webhookSecret() != null ? null : saved.previousSecret(),
        scheme);
  }

  private static List<KeyValue> withStoredSecrets(List<KeyValue> rows, List<KeyValue> saved, List<String> locked) {
    List<KeyValue> result = new ArrayList<>();
    for (KeyValue row : rows == null ? List.<KeyValue>of() : rows) {
      KeyValue effective = row;
      if (row.locked() && row.value().isEmpty()) {
        effective =
            saved.stream().filter(s -> s.locked() && s.key().equals(row.key())).findFirst().orElse(row);
      }
      if (effective.locked() && !effective.value().isEmpty()) {
        locked.add(effective.value());
      }
      result.add(effective);
    }
    return result;
  }
}
