package dev.alertwire.domain.check;

import java.time.Duration;
import java.util.List;

/**
 * When a bad streak becomes an alert, as in the hosted product: after 1 to 5 consecutive failed runs
 * (RUN_BASED), or after 5, 10, 15 or 30 minutes of failing (TIME_BASED).
 */
public record Escalation(Type type, int failedRuns, int minutesFailing) {
  public enum Type {
    RUN_BASED,
    TIME_BASED
  }

  public static final List<Integer> ALLOWED_MINUTES = List.of(5, 10, 15, 30);
  public static final Escalation DEFAULT = new Escalation(Type.RUN_BASED, 1, 5);

  public Escalation {
    if (type == null) {
      type = Type.RUN_BASED;
    }
    if (failedRuns < 1 || failedRuns > 5) {
      throw new IllegalArgumentException("failed runs before alerting must be 1 to 5");
    }
    if (!ALLOWED_MINUTES.contains(minutesFailing)) {
      throw new IllegalArgumentException("minutes failing before alerting must be one of " + ALLOWED_MINUTES);
    }
  }

  boolean reached(int consecutiveRuns, java.time.Instant since, java.time.Instant now) {
    return type == Type.RUN_BASED
        ? consecutiveRuns >= failedRuns
        : since != null && !Duration.between(since, now).minusMinutes(minutesFailing).isNegative();
  }
}
