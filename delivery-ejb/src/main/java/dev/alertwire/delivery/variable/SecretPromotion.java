package dev.alertwire.delivery.variable;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.delivery.history.HistoryScrub;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.request.RequestRenderer;
import dev.alertwire.domain.secret.SecretPromotionText;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelParameter;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.persistence.variable.Variable;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Promotes a literal typed into a channel field (URL, header or query value, a part of the body) to an
 * environment secret, in one transaction: the locked variable is created (or, when asked, an existing one's
 * value is replaced), and when the channel is saved already, the literal is replaced by the reference in
 * every plain field of the stored channel too, so the literal is never left there. The caller puts the
 * reference in its draft. Audited by name only; deliveries recorded with the literal (a test-send of the
 * draft, earlier alerts) are scrubbed in the background.
 */
@Stateless
@Permit(ApiToken.Role.ADMIN)
public class SecretPromotion {
  @Inject VariableAdministration variables;
  @Inject ChannelRepository channels;
  @Inject RequestRenderer renderer;
  @Inject HistoryScrub scrub;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * @param reference what replaces the literal: {@code {{NAME}}}, or {@code {{{NAME}}}} where HTML escaping
   *     would change the value
   * @param channelRewritten whether the stored channel held the literal and now holds the reference
   */
  public record Promoted(String name, String reference, boolean channelRewritten) {}

  /**
   * @param channelId the saved channel being edited, or null for a new one
   * @param replaceExisting false: a variable of that name fails with {@link VariableAdministration.AlreadyExists}
   *     and nothing changes; true: its value is replaced and it becomes (or stays) a secret
   */
  public Promoted promote(String channelId, String name, String literal, boolean replaceExisting) {
    SecretPromotionText.refusal(literal, VariableAdministration.MIN_SECRET_LENGTH)
        .ifPresent(reason -> {
          throw new InvalidInputException("value", reason);
        });
    if (replaceExisting && variables.find(Variable.GLOBAL, name).isPresent()) {
      variables.update(Variable.GLOBAL, name, literal, Boolean.TRUE);
    } else {
      variables.create(Variable.GLOBAL, name, literal, true);
    }
    String reference = SecretPromotionText.reference(name, literal);
    boolean rewritten = false;
    if (channelId != null) {
      AlertChannel channel = channels.find(channelId).orElse(null);
      rewritten = channel != null && rewrite(channel, literal, reference, name);
    }
    // Whatever was sent with the literal before (a test-send of the draft, alerts of the saved channel) was
    // recorded with it.
    scrub.scrub(literal, "{{" + name + "}}");
    return new Promoted(name, reference, rewritten);
  }

  private boolean rewrite(AlertChannel channel, String literal, String reference, String name) {
    String url = SecretPromotionText.replace(channel.url(), literal, reference);
    String body = SecretPromotionText.replace(channel.bodyTemplate(), literal, reference);
    List<ChannelParameter> parameters = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    if (!url.equals(channel.url())) {
      changed.add("URL");
    }
    for (ChannelParameter p : channel.parameters()) {
      if (!p.locked() && p.value().contains(literal)) {
        parameters.add(new ChannelParameter(p.kind(), p.name(), SecretPromotionText.replace(p.value(), literal, reference), false));
        changed.add((p.kind() == ChannelParameter.Kind.HEADER ? "header " : "query parameter ") + p.name());
      } else {
        parameters.add(p);
      }
    }
    if (body != null && !body.equals(channel.bodyTemplate())) {
      changed.add("body");
    }
    if (changed.isEmpty()) {
      return false;
    }
    // The reference renders to the literal; this only catches a literal that stood against braces.
    renderer.validate(new WebhookTemplate(url, channel.method(), rows(parameters, ChannelParameter.Kind.HEADER), rows(parameters, ChannelParameter.Kind.QUERY), body));
    channel.describeRequest(url, channel.method(), body, parameters);
    channel.touch(clock.instant());
    audit.record("channel updated", channel.name(), "value in " + String.join(", ", changed) + " made secret " + name);
    return true;
  }

  private static List<KeyValue> rows(List<ChannelParameter> parameters, ChannelParameter.Kind kind) {
    // Locked values are ciphertext, not templates: they take no part in the check.
    return parameters.stream().filter(p -> p.kind() == kind).map(p -> new KeyValue(p.name(), p.locked() ? "" : p.value(), false)).toList();
  }
}
