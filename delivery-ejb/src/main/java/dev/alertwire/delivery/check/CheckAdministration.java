package dev.alertwire.delivery.check;

import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.domain.check.Escalation;
import dev.alertwire.domain.check.Reminders;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.ChannelRepository;
import dev.alertwire.persistence.check.AlertingSettings;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.CheckRepository;
import dev.alertwire.persistence.check.MonitoredCheck;
import dev.alertwire.persistence.variable.VariableRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Checks and groups: validation first, so bad input stores nothing. New checks join auto-subscribing channels. */
@Stateless
@Permit(ApiToken.Role.ADMIN)
public class CheckAdministration {
  /** The check types a check may have; the console offers these, the API names them when refusing one. */
  public static final Set<String> CHECK_TYPES = Set.of("API", "BROWSER", "HEARTBEAT", "MULTI_STEP", "TCP", "PLAYWRIGHT", "URL", "DNS", "ICMP");

  @Inject CheckRepository checks;
  @Inject ChannelRepository channels;
  @Inject VariableRepository variables;
  @Inject Clock clock;
  @Inject AuditLog audit;

  public MonitoredCheck create(CheckInput in) {
    List<FieldError> errors = new ArrayList<>();
    String name = required(in.name(), "name", errors);
    String type = checkType(in.checkType(), errors);
    Instant now = clock.instant();
    MonitoredCheck check = new MonitoredCheck(name == null ? "" : name, type, now);
    apply(check, in, name, type, errors);
    checks.add(check);
    channels.autoSubscribing().forEach(c -> c.subscribeTo(check.id()));
    audit.record("check created", check.name(), null);
    return check;
  }

  public Optional<MonitoredCheck> update(String id, CheckInput in) {
    return checks
        .find(id)
        .map(
            check -> {
              List<FieldError> errors = new ArrayList<>();
              String name = required(in.name() == null ? check.name() : in.name(), "name", errors);
              String type = in.checkType() == null ? check.checkType() : checkType(in.checkType(), errors);
              apply(check, in, name, type, errors);
              audit.record("check updated", check.name(), null);
              return check;
            });
  }

  /** Finds the check a result names by name and type, or registers it (and its group) on that first result. */
  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.INGEST})
  public MonitoredCheck registerOnFirstResult(String name, String checkType, List<String> tags, String groupName) {
    List<FieldError> errors = new ArrayList<>();
    String checkName = required(name, "check.name", errors);
    String type = checkType(checkType == null ? "API" : checkType, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return checks
        .findByName(checkName, type)
        .orElseGet(
            () -> {
              String groupId = null;
              if (groupName != null && !groupName.isBlank()) {
                groupId = checks.groupByName(groupName.trim()).orElseGet(() -> createGroup(groupName.trim())).id();
              }
              return create(
                  new CheckInput(checkName, type, null, tags, groupId, true, false, true, null, null, null, null, null));
            });
  }

  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public List<MonitoredCheck> all() {
    return checks.all();
  }

  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public Optional<MonitoredCheck> find(String id) {
    return checks.find(id);
  }

  public boolean delete(String id) {
    Optional<MonitoredCheck> found = checks.find(id);
    found.ifPresent(
        check -> {
          checks.remove(check);
          audit.record("check deleted", check.name(), null);
        });
    return found.isPresent();
  }

  public CheckGroup createGroup(CheckInput in) {
    List<FieldError> errors = new ArrayList<>();
    String name = required(in.name(), "name", errors);
    if (name != null && checks.groupByName(name).isPresent()) {
      errors.add(FieldError.of("name", "a group named " + name + " exists already"));
    }
    AlertingSettings settings = settings(in, new AlertingSettings(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    CheckGroup group = new CheckGroup(name, clock.instant());
    group.describe(name, in.tags(), settings, clock.instant());
    checks.addGroup(group);
    audit.record("group created", group.name(), null);
    return group;
  }

  public Optional<CheckGroup> updateGroup(String id, CheckInput in) {
    return checks
        .group(id)
        .map(
            group -> {
              List<FieldError> errors = new ArrayList<>();
              String name = required(in.name() == null ? group.name() : in.name(), "name", errors);
              if (name != null && checks.groupByName(name).filter(g -> !g.id().equals(id)).isPresent()) {
                errors.add(FieldError.of("name", "a group named " + name + " exists already"));
              }
              AlertingSettings settings = settings(in, group.settings(), errors);
              if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
              }
              group.describe(name, in.tags() == null ? group.tags() : in.tags(), settings, clock.instant());
              audit.record("group updated", group.name(), null);
              return group;
            });
  }

  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public List<CheckGroup> groups() {
    return checks.groups();
  }

  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public Optional<CheckGroup> group(String id) {
    return checks.group(id);
  }

  public boolean deleteGroup(String id) {
    Optional<CheckGroup> found = checks.group(id);
    found.ifPresent(
        g -> {
          variables.inScope(g.id()).forEach(variables::remove);
          checks.removeGroup(g);
          audit.record("group deleted", g.name(), "with its variables");
        });
    return found.isPresent();
  }

  private CheckGroup createGroup(String name) {
    CheckGroup group = new CheckGroup(name, clock.instant());
    group.describe(name, List.of(), new AlertingSettings(), clock.instant());
    checks.addGroup(group);
    return group;
  }

  private void apply(MonitoredCheck check, CheckInput in, String name, String type, List<FieldError> errors) {
    if (in.groupId() != null && !in.groupId().isBlank() && checks.group(in.groupId()).isEmpty()) {
      errors.add(FieldError.of("groupId", "no group with id " + in.groupId()));
    }
    if (in.description() != null && in.description().length() > 4000) {
      errors.add(FieldError.of("description", "must be at most 4000 characters"));
    }
    checkTags(in.tags(), errors);
    AlertingSettings settings = settings(in, check.ownSettings(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String groupId = in.groupId() == null ? check.groupId().orElse(null) : in.groupId().isBlank() ? null : in.groupId();
    check.describe(
        name, type, in.description() == null ? check.description() : in.description(), in.tags() == null ? check.tags() : in.tags(),
        groupId, clock.instant());
    check.configureAlerting(
        in.activated() == null ? check.activated() : in.activated(),
        in.muted() == null ? check.muted() : in.muted(),
        in.useGroupSettings() == null ? check.usesGroupSettings() : in.useGroupSettings(),
        settings);
  }

  private static AlertingSettings settings(CheckInput in, AlertingSettings current, List<FieldError> errors) {
    Escalation e = current.escalation();
    Reminders r = current.reminders();
    Escalation.Type type = e.type();
    if (in.escalationType() != null) {
      try {
        type = Escalation.Type.valueOf(in.escalationType().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException x) {
        errors.add(FieldError.of("escalationType", "must be RUN_BASED or TIME_BASED"));
      }
    }
    int runs = in.failedRunThreshold() == null ? e.failedRuns() : in.failedRunThreshold();
    int minutes = in.minutesFailingThreshold() == null ? e.minutesFailing() : in.minutesFailingThreshold();
    int amount = in.reminderAmount() == null ? r.amount() : in.reminderAmount();
    int interval = in.reminderIntervalMinutes() == null ? r.intervalMinutes() : in.reminderIntervalMinutes();
    if (runs < 1 || runs > 5) {
      errors.add(FieldError.of("failedRunThreshold", "must be 1 to 5"));
    }
    if (!Escalation.ALLOWED_MINUTES.contains(minutes)) {
      errors.add(FieldError.of("minutesFailingThreshold", "must be one of " + Escalation.ALLOWED_MINUTES));
    }
    if (amount < Reminders.UNLIMITED || amount > 5) {
      errors.add(FieldError.of("reminderAmount", "must be 0 to 5, or -1 for no limit"));
    }
    if (!Reminders.ALLOWED_INTERVALS.contains(interval)) {
      errors.add(FieldError.of("reminderIntervalMinutes", "must be one of " + Reminders.ALLOWED_INTERVALS));
    }
    if (!errors.isEmpty()) {
      return current;
    }
    return new AlertingSettings(new Escalation(type, runs, minutes), new Reminders(amount, interval));
  }

  private static void checkTags(List<String> tags, List<FieldError> errors) {
    if (tags == null) {
      return;
    }
    if (tags.size() > 50) {
      errors.add(FieldError.of("tags", "at most 50 tags"));
    }
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i) == null || tags.get(i).isBlank() || tags.get(i).length() > 100) {
        errors.add(FieldError.of("tags[" + i + "]", "must be 1 to 100 characters"));
      }
    }
  }

  private static String checkType(String text, List<FieldError> errors) {
    String type = text == null || text.isBlank() ? "API" : text.trim().toUpperCase(Locale.ROOT);
    if (!CHECK_TYPES.contains(type)) {
      errors.add(FieldError.of("checkType", "must be one of " + new java.util.TreeSet<>(CHECK_TYPES)));
    }
    return type;
  }

  private static String required(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(FieldError.of(field, "is required"));
      return null;
    }
    if (value.length() > 200) {
      errors.add(FieldError.of(field, "must be at most 200 characters"));
      return null;
    }
    return value.trim();
  }
}
