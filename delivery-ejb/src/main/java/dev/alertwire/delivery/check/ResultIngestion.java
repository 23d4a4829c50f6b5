package dev.alertwire.delivery.check;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.check.AlertRouting.Sent;
import dev.alertwire.delivery.config.AlertwireConfig;
import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.domain.check.AlertKind;
import dev.alertwire.domain.check.AlertStateMachine;
import dev.alertwire.domain.check.CheckFacts;
import dev.alertwire.domain.check.EventVariables;
import dev.alertwire.domain.check.ResultFacts;
import dev.alertwire.persistence.channel.Recipient;
import dev.alertwire.persistence.check.AlertingSettings;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.CheckRepository;
import dev.alertwire.persistence.check.CheckResult;
import dev.alertwire.persistence.check.MonitoredCheck;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A check result in, alerts out: the check's state moves in the same transaction that writes the result,
 * the alert event and its deliveries, so a crash never leaves a state change without its alert.
 */
@Stateless
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.INGEST})
public class ResultIngestion {
  @Inject CheckRepository checks;
  @Inject CheckAdministration administration;
  @Inject AlertRouting routing;
  @Inject AlertwireConfig config;
  @Inject Clock clock;

  /** What the result did: its transition code and the alerts it sent (with their deliveries). */
  public record Outcome(String resultId, String checkId, String transition, String state, List<Sent> alerts) {}


  /** @return empty when the result names a check id that does not exist */
  public Optional<Outcome> accept(ResultInput input) {
    Optional<MonitoredCheck> found =
        input.checkId() != null
            ? checks.findForUpdate(input.checkId())
            : Optional.of(administration.registerOnFirstResult(input.checkName(), input.checkType(), input.tags(), input.groupName()))
                .flatMap(c -> checks.findForUpdate(c.id()));
    return found.map(check -> apply(check, input.facts()));
  }

  private Outcome apply(MonitoredCheck check, ResultFacts facts) {
    Instant now = clock.instant();
    CheckResult result = new CheckResult(facts.resultId(), check.id(), facts.hasFailures(), facts.isDegraded(), facts.startedAt(), now);
    Optional<CheckGroup> group = check.groupId().flatMap(checks::group);
    AlertingSettings settings = check.usesGroupSettings() && group.isPresent() ? group.get().settings() : check.ownSettings();
    boolean muted = check.muted() || !check.activated();
    AlertStateMachine.Step step =
        AlertStateMachine.apply(check.alertStatus(), facts.hasFailures(), facts.isDegraded(), settings.escalation(), muted, now);
    CheckFacts about = facts(check, group);
    ResultFacts withId = withResultId(facts, result.id());
    List<Sent> sent = new ArrayList<>();
    AlertKind kind =
        step.alert()
            .orElse(facts.hasFailures() ? AlertKind.ALERT_FAILURE : facts.isDegraded() ? AlertKind.ALERT_DEGRADED : AlertKind.ALERT_RECOVERY);
    Map<String, Object> variables = EventVariables.of(kind, about, withId, 0, config.baseUrl());
    if (step.alert().isPresent()) {
      sent.add(routing.send(kind, check, group, variables, now));
    }
    if (!muted && facts.sslDaysRemaining() != null && facts.sslDomain() != null) {
      sslAlert(check, group, about, withId, now).ifPresent(sent::add);
    }
    result.conclude(step.code(), JsonValues.toJson(variables));
    checks.addResult(result);
    check.record(step, result.id(), settings.reminders(), now);
    return new Outcome(result.id(), check.id(), step.code().name(), check.state().name(), sent);
  }

  /** An SSL expiry alert to each subscribed channel whose threshold it reaches, once a day at most. */
  private Optional<Sent> sslAlert(MonitoredCheck check, Optional<CheckGroup> group, CheckFacts about, ResultFacts facts, Instant now) {
    List<Recipient> targets =
        routing.subscribed(check, group).stream()
            .filter(c -> c.alertSettings().wantsSslAlert(facts.sslDaysRemaining()))
            .filter(c -> checks.claimSslAlert(c.id(), check.id(), now))
            .toList();
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> variables = EventVariables.of(AlertKind.ALERT_SSL, about, facts, 0, config.baseUrl());
    return Optional.of(routing.queue(AlertKind.ALERT_SSL, check, targets, variables, now));
  }

  static CheckFacts facts(MonitoredCheck check, Optional<CheckGroup> group) {
    LinkedHashSet<String> tags = new LinkedHashSet<>(check.tags());
    group.ifPresent(g -> tags.addAll(g.tags()));
    return new CheckFacts(
        check.id(), check.name(), check.checkType(), check.description(), List.copyOf(tags), group.map(CheckGroup::name).orElse(null));
  }

  private static ResultFacts withResultId(ResultFacts f, String id) {
    return new ResultFacts(
        id, f.hasFailures(), f.isDegraded(), f.responseTime(), f.runLocation(), f.region(), f.startedAt(), f.errorMessage(),
        f.responseStatusCode(), f.responseStatusText(), f.responseBody(), f.checkUrl(), f.sslDomain(), f.sslDaysRemaining(),
        f.aiRootCause(), f.aiUserImpact(), f.aiClassification(), f.aiCodeFix(), f.aiLink(), f.resultLink());
  }
}
