package dev.alertwire.delivery.transfer;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.channel.ChannelAdministration;
import dev.alertwire.delivery.channel.ChannelInput;
import dev.alertwire.delivery.check.CheckAdministration;
import dev.alertwire.delivery.check.CheckInput;
import dev.alertwire.delivery.transfer.ConfigurationDocument.ChannelItem;
import dev.alertwire.delivery.transfer.ConfigurationDocument.CheckItem;
import dev.alertwire.delivery.transfer.ConfigurationDocument.GroupItem;
import dev.alertwire.delivery.transfer.ConfigurationDocument.NamedSubscription;
import dev.alertwire.delivery.transfer.ConfigurationDocument.VariableItem;
import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.MonitoredCheck;
import dev.alertwire.persistence.variable.Variable;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Configuration as code: applies a document by name, all or nothing. Every item goes through the same
 * boundary the API uses, in one transaction; any refused item rolls the whole import back, and a dry run
 * rolls back on purpose after reporting what would change.
 */
@Stateless
@Permit(ApiToken.Role.ADMIN)
public class ConfigurationTransfer {
  @Inject VariableAdministration variables;
  @Inject CheckAdministration checks;
  @Inject ChannelAdministration channels;
  @Resource SessionContext context;

  /** One change the import made (or would make). */
  public record Change(String kind, String name, String action) {}

  public List<Change> apply(ConfigurationDocument document, boolean dryRun) {
    List<Change> changes = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    each(document.variables(), "variables", errors, (item, at) -> changes.add(variable(Variable.GLOBAL, item, at, "variable")));
    each(document.groups(), "groups", errors, (item, at) -> {
      Optional<CheckGroup> existing = checks.groups().stream().filter(g -> g.name().equals(item.group().name())).findFirst();
      CheckGroup group = existing.map(g -> checks.updateGroup(g.id(), item.group()).orElseThrow()).orElseGet(() -> checks.createGroup(item.group()));
      changes.add(new Change("group", group.name(), existing.isPresent() ? "update" : "create"));
      each(item.variables(), at + ".variables", errors, (v, vat) -> changes.add(variable(group.id(), v, vat, "group variable")));
    });
    each(document.checks(), "checks", errors, (item, at) -> {
      String groupId = item.group() == null ? "" : groupId(item.group(), at + ".group");
      CheckInput in = withGroup(item.check(), groupId);
      Optional<MonitoredCheck> existing = checks.all().stream().filter(c -> c.name().equals(in.name()) && c.checkType().equals(type(in))).findFirst();
      MonitoredCheck check = existing.map(c -> checks.update(c.id(), in).orElseThrow()).orElseGet(() -> checks.create(in));
      changes.add(new Change("check", check.name(), existing.isPresent() ? "update" : "create"));
    });
    each(document.channels(), "alertChannels", errors, (item, at) -> {
      ChannelInput in = withSubscriptions(item.channel(), subscriptions(item.subscriptions(), at + ".subscriptions"));
      Optional<AlertChannel> existing = channels.all().stream().filter(c -> c.name().equals(in.name())).findFirst();
      if (existing.isPresent()) {
        channels.update(existing.get().id(), in);
      } else {
        channels.create(in);
      }
      changes.add(new Change("alertChannel", in.name(), existing.isPresent() ? "update" : "create"));
    });
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (dryRun) {
      context.setRollbackOnly();
    }
    return changes;
  }

  private Change variable(String scope, VariableItem item, String at, String kind) {
    Optional<Variable> existing = variables.find(scope, item.key());
    if (item.locked() && item.value() == null) {
      if (existing.isEmpty() || !existing.get().locked()) {
        throw new InvalidInputException(at + ".value", "secret " + item.key() + " has no value here and none is stored; include its value");
      }
      return new Change(kind, item.key(), "unchanged (secret kept)");
    }
    if (existing.isPresent()) {
      variables.update(scope, item.key(), item.value(), item.locked());
      return new Change(kind, item.key(), "update");
    }
    variables.create(scope, item.key(), item.value(), item.locked());
    return new Change(kind, item.key(), "create");
  }

  private String groupId(String name, String at) {
    return checks.groups().stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .map(CheckGroup::id)
        .orElseThrow(() -> new InvalidInputException(at, "no group named " + name));
  }

  private List<ChannelInput.Subscription> subscriptions(List<NamedSubscription> named, String at) {
    if (named == null) {
      return null;
    }
    List<ChannelInput.Subscription> result = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      NamedSubscription s = named.get(i);
      if (s.label() != null) {
        result.add(new ChannelInput.Subscription(null, null, s.label(), s.activated()));
      } else if (s.groupName() != null) {
        result.add(new ChannelInput.Subscription(null, groupId(s.groupName(), at + "[" + i + "].group"), s.activated()));
      } else {
        String type = s.checkType() == null ? "API" : s.checkType();
        String where = at + "[" + i + "].check";
        String checkId =
            checks.all().stream()
                .filter(c -> c.name().equals(s.checkName()) && c.checkType().equals(type))
                .findFirst()
                .map(MonitoredCheck::id)
                .orElseThrow(() -> new InvalidInputException(where, "no check named " + s.checkName() + " (" + type + ")"));
        result.add(new ChannelInput.Subscription(checkId, null, s.activated()));
      }
    }
    return result;
  }

  private interface Step<T> {
    void apply(T item, String at);
  }

  /** Applies each item, collecting refusals with the item's position so one answer lists them all. */
  private static <T> void each(List<T> items, String field, List<FieldError> errors, Step<T> step) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      String at = field + "[" + i + "]";
      try {
        step.apply(items.get(i), at);
      } catch (InvalidInputException e) {
        e.errors().forEach(f -> errors.add(new FieldError(f.field().startsWith(field) ? f.field() : at + "." + f.field(), f.message(), f.line(), f.column())));
      }
    }
  }

  private static String type(CheckInput in) {
    return in.checkType() == null ? "API" : in.checkType().trim().toUpperCase(java.util.Locale.ROOT);
  }

  private static CheckInput withGroup(CheckInput c, String groupId) {
    return new CheckInput(
        c.name(), c.checkType(), c.description(), c.tags(), groupId, c.activated(), c.muted(), c.useGroupSettings(), c.escalationType(),
        c.failedRunThreshold(), c.minutesFailingThreshold(), c.reminderAmount(), c.reminderIntervalMinutes());
  }

  private static ChannelInput withSubscriptions(ChannelInput c, List<ChannelInput.Subscription> subscriptions) {
    return new ChannelInput(
        c.name(), c.url(), c.method(), c.headers(), c.queryParameters(), c.template(), c.webhookSecret(), c.signatureScheme(),
        c.activated(), c.maxRetries(), c.retryDelayMs(), c.backoff(), c.connectTimeoutMs(), c.responseTimeoutMs(), c.supersedeOlder(),
        c.rateLimitPerMinute(), c.rotateWebhookSecret(), subscriptions, c.alertSettings());
  }
}
