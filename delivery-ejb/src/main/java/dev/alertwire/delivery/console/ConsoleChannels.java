package dev.alertwire.delivery.console;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.channel.ChannelAdministration;
import dev.alertwire.delivery.channel.ChannelInput;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelParameter;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.channel.ChannelSubscription;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliverySearch;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's channel actions: each one changes the channel through {@link ChannelAdministration} and
 * writes its audit entry in the same transaction. The console checks that the caller is an admin first
 * (Access.requireAdmin); the actor of the audit entry is the signed-in caller.
 */
@Stateless
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
public class ConsoleChannels {
  @Inject ChannelAdministration administration;
  @Inject ChannelRepository channels;
  @Inject DeliverySearch deliveries;
  @Inject SecretCipher cipher;
  @Inject AuditLog audit;
  @Inject dev.alertwire.persistence.check.CheckRepository checks;
  @Inject Clock clock;

  /**
   * A row of the channel list. {@code lastDelivery} is null before the first delivery; {@code subscriptions}
   * names the checks and groups (empty: every check's alerts); {@code lastDay} counts the real deliveries of
   * the last 24 hours that finished.
   */
  public record Summary(AlertChannel channel, Delivery lastDelivery, List<String> subscriptions, DeliverySearch.Outcomes lastDay) {}

  public List<Summary> list() {
    List<AlertChannel> all = channels.all();
    Map<String, Delivery> latest = deliveries.latestPerChannel(all.stream().map(AlertChannel::id).toList());
    Map<String, DeliverySearch.Outcomes> lastDay = deliveries.outcomesSince(clock.instant().minus(Duration.ofHours(24)));
    Map<String, String> names = new HashMap<>();
    checks.all().forEach(c -> names.put(c.id(), c.name()));
    checks.groups().forEach(g -> names.put(g.id(), "group " + g.name()));
    return all.stream()
        .map(
            c ->
                new Summary(
                    c,
                    latest.get(c.id()),
                    c.subscriptions().stream()
                        .filter(ChannelSubscription::activated)
                        .map(s -> s.label() != null ? "label " + s.label() : names.getOrDefault(s.checkId() != null ? s.checkId() : s.groupId(), "a deleted check"))
                        .toList(),
                    lastDay.getOrDefault(c.id(), new DeliverySearch.Outcomes(0, 0))))
        .toList();
  }

  /** Every channel by id and name only, for pickers: none of the list's look-ups into the history. */
  public List<Target> targets() {
    return channels.all().stream().map(c -> new Target(c.id(), c.name())).toList();
  }

  /** A check or group a channel can subscribe to, as the editor lists it. */
  public record Target(String id, String name) implements java.io.Serializable {}

  public List<Target> checks() {
    return checks.all().stream().map(c -> new Target(c.id(), c.name())).toList();
  }

  public Optional<String> checkName(String checkId) {
    return checkId == null ? Optional.empty() : checks.find(checkId).map(c -> c.name());
  }

  public List<Target> groups() {
    return checks.groups().stream().map(g -> new Target(g.id(), g.name())).toList();
  }

  public Optional<AlertChannel> find(String id) {
    return channels.find(id);
  }

  @Permit(ApiToken.Role.ADMIN)
  public ChannelAdministration.Saved create(ChannelInput input) {
    return administration.create(input);
  }

  @Permit(ApiToken.Role.ADMIN)
  public ChannelAdministration.Saved update(String id, ChannelInput input) {
    return administration.update(id, input).orElseThrow(() -> new InvalidInputException("channel", "was deleted meanwhile"));
  }

  /** A paused copy (so it does not double every alert), secrets included: they never leave the server. */
  @Permit(ApiToken.Role.ADMIN)
  public AlertChannel duplicate(String id) {
    AlertChannel original = channels.find(id).orElseThrow(() -> new InvalidInputException("channel", "was deleted meanwhile"));
    var retry = original.retryPolicy();
    ChannelInput copy =
        new ChannelInput(
            ("Copy of " + original.name()).length() > 200 ? original.name() : "Copy of " + original.name(),
            original.url(),
            original.method().name(),
            plainRows(original.parameters(ChannelParameter.Kind.HEADER)),
            plainRows(original.parameters(ChannelParameter.Kind.QUERY)),
            original.bodyTemplate(),
            original.hasWebhookSecret() ? cipher.decrypt(original.encryptedWebhookSecret()) : null,
            original.signatureScheme().name(),
            false,
            retry.maxRetries(),
            retry.delay().toMillis(),
            retry.backoff().name(),
            (int) original.connectTimeout().toMillis(),
            (int) original.responseTimeout().toMillis(),
            original.supersedesOlder(),
            original.rateLimitPerMinute().orElse(0),
            false,
            original.subscriptions().stream()
                .map(sub -> new ChannelInput.Subscription(sub.checkId(), sub.groupId(), sub.label(), sub.activated()))
                .toList(),
            new ChannelInput.AlertSettingsInput(
                original.alertSettings().sendFailure(),
                original.alertSettings().sendRecovery(),
                original.alertSettings().sendDegraded(),
                original.alertSettings().sslExpiry(),
                original.alertSettings().sslExpiryThreshold(),
                original.alertSettings().autoSubscribe()));
    AlertChannel created = administration.create(copy).channel();
    audit.record("channel duplicated", created.name(), "from " + original.name() + "; created paused");
    return created;
  }

  @Permit(ApiToken.Role.ADMIN)
  public AlertChannel setActivated(String id, boolean activated) {
    AlertChannel channel = channels.find(id).orElseThrow(() -> new InvalidInputException("channel", "was deleted meanwhile"));
    channel.activate(activated);
    audit.record(activated ? "channel activated" : "channel paused", channel.name(), null);
    return channel;
  }

  @Permit(ApiToken.Role.ADMIN)
  public void delete(String id) {
    if (!administration.delete(id)) {
      throw new InvalidInputException("channel", "was deleted meanwhile");
    }
  }

  private List<KeyValue> plainRows(List<ChannelParameter> parameters) {
    List<KeyValue> rows = new ArrayList<>();
    for (ChannelParameter p : parameters) {
      rows.add(new KeyValue(p.name(), p.locked() ? cipher.decrypt(p.value()) : p.value(), p.locked()));
    }
    return rows;
  }
}
