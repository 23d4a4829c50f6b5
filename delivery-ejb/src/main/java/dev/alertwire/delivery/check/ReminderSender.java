package dev.alertwire.delivery.check;

import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.domain.check.AlertKind;
import dev.alertwire.domain.check.AlertState;
import dev.alertwire.domain.check.EventVariables;
import dev.alertwire.persistence.check.AlertingSettings;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.CheckRepository;
import dev.alertwire.persistence.check.MonitoredCheck;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sends a due reminder: the failure alert again, with IS_REMINDER true and its sequence number. */
@Stateless
public class ReminderSender {
  @Inject CheckRepository checks;
  @Inject AlertRouting routing;
  @Inject Clock clock;

  public List<String> due(int limit) {
    return checks.remindersDue(clock.instant(), limit);
  }

  public Optional<Instant> next() {
    return checks.nextReminder();
  }

  /** One check per transaction: its row is locked, so two instances cannot send the same reminder. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void remind(String checkId) {
    Instant now = clock.instant();
    checks
        .findForUpdate(checkId)
        .filter(c -> c.nextReminderAt().map(t -> !t.isAfter(now)).orElse(false))
        .ifPresent(check -> send(check, now));
  }

  private void send(MonitoredCheck check, Instant now) {
    Optional<CheckGroup> group = check.groupId().flatMap(checks::group);
    AlertingSettings settings = check.usesGroupSettings() && group.isPresent() ? group.get().settings() : check.ownSettings();
    if (check.state() != AlertState.FAILING || check.muted() || !check.activated()) {
      check.reminded(new dev.alertwire.domain.check.Reminders(0, settings.reminders().intervalMinutes()), now);
      return;
    }
    Map<String, Object> original =
        check.lastFailureResultId().flatMap(checks::result).map(r -> JsonValues.parseObject(r.variablesJson())).orElse(Map.of());
    int sequence = check.reminded(settings.reminders(), now);
    routing.send(AlertKind.ALERT_FAILURE, check, group, EventVariables.asReminder(original, sequence), now);
  }
}
