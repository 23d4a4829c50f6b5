package dev.alertwire.domain.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertStateMachineTest {
  private static final Instant T0 = Instant.parse("2026-06-15T12:00:00Z");

  /** Feeds results one minute apart; each is "pass", "fail" or "degr". */
  private static List<AlertStateMachine.Step> run(Escalation escalation, boolean muted, String... results) {
    CheckAlertStatus status = CheckAlertStatus.NEW;
    List<AlertStateMachine.Step> steps = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      var step =
          AlertStateMachine.apply(
              status, results[i].equals("fail"), results[i].equals("degr"), escalation, muted, T0.plusSeconds(60L * i));
      steps.add(step);
      status = step.status();
    }
    return steps;
  }

  private static List<String> codes(List<AlertStateMachine.Step> steps) {
    return steps.stream().map(s -> s.code().name() + s.alert().map(a -> ">" + a.name()).orElse("")).toList();
  }

  @Test
  void failureThenRecovery() {
    assertEquals(
        List.of("NO_ALERT", "ALERT_FAILURE>ALERT_FAILURE", "ALERT_FAILURE_REMAIN", "ALERT_RECOVERY>ALERT_RECOVERY", "NO_ALERT"),
        codes(run(Escalation.DEFAULT, false, "pass", "fail", "fail", "pass", "pass")));
  }

  @Test
  void runBasedThresholdWaitsForConsecutiveFailures() {
    Escalation three = new Escalation(Escalation.Type.RUN_BASED, 3, 5);
    assertEquals(
        List.of("NO_ALERT", "NO_ALERT", "NO_ALERT", "NO_ALERT", "NO_ALERT", "ALERT_FAILURE>ALERT_FAILURE"),
        codes(run(three, false, "fail", "fail", "pass", "fail", "fail", "fail")));
  }

  @Test
  void timeBasedThresholdCountsMinutesFailing() {
    Escalation fiveMinutes = new Escalation(Escalation.Type.TIME_BASED, 1, 5);
    List<String> codes = codes(run(fiveMinutes, false, "fail", "fail", "fail", "fail", "fail", "fail", "fail"));
    assertEquals(List.of("NO_ALERT", "NO_ALERT", "NO_ALERT", "NO_ALERT", "NO_ALERT", "ALERT_FAILURE>ALERT_FAILURE", "ALERT_FAILURE_REMAIN"), codes);
  }

  @Test
  void degradedPathsIgnoreTheThresholdBetweenDegradedAndFailing() {
    Escalation three = new Escalation(Escalation.Type.RUN_BASED, 3, 5);
    assertEquals(
        List.of(
            "NO_ALERT", "NO_ALERT", "ALERT_DEGRADED>ALERT_DEGRADED", "ALERT_DEGRADED_REMAIN",
            "ALERT_DEGRADED_FAILURE>ALERT_FAILURE", "ALERT_FAILURE_DEGRADED>ALERT_DEGRADED", "ALERT_DEGRADED_RECOVERY>ALERT_DEGRADED_RECOVERY"),
        codes(run(three, false, "degr", "degr", "degr", "degr", "fail", "degr", "pass")));
  }

  @Test
  void degradedRecoveryOnlyAfterADegradedAlert() {
    Escalation three = new Escalation(Escalation.Type.RUN_BASED, 3, 5);
    assertEquals(List.of("NO_ALERT", "NO_ALERT"), codes(run(three, false, "degr", "pass")));
  }

  @Test
  void mutedChecksChangeStateButAlertNobodyNotEvenOnRecovery() {
    List<AlertStateMachine.Step> steps = run(Escalation.DEFAULT, true, "fail", "fail", "pass");
    assertEquals(List.of("ALERT_FAILURE", "ALERT_FAILURE_REMAIN", "ALERT_RECOVERY"), steps.stream().map(s -> s.code().name()).toList());
    steps.forEach(s -> assertEquals(Optional.empty(), s.alert()));
    assertEquals(AlertState.FAILING, steps.get(1).status().state());
  }

  @Test
  void remindersRepeatUpToTheirAmount() {
    Reminders twice = new Reminders(2, 10);
    assertEquals(Optional.of(T0.plusSeconds(600)), twice.next(0, T0));
    assertEquals(Optional.of(T0.plusSeconds(600)), twice.next(1, T0));
    assertEquals(Optional.empty(), twice.next(2, T0));
    assertEquals(Optional.empty(), Reminders.DEFAULT.next(0, T0));
    assertEquals(Optional.of(T0.plusSeconds(60)), new Reminders(Reminders.UNLIMITED, 1).next(1_000, T0));
  }
}
