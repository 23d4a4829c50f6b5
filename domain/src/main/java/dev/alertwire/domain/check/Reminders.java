package dev.alertwire.domain.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Repeats a failure alert while the check stays failing: every 1, 2, 3, 4, 5, 10, 15 or 30 minutes, 0 to 5
 * times or without limit (amount -1).
 */
public record Reminders(int amount, int intervalMinutes) {
  public static final List<Integer> ALLOWED_INTERVALS = List.of(1, 2, 3, 4, 5, 10, 15, 30);
  public static final int UNLIMITED = -1;
  public static final Reminders DEFAULT = new Reminders(0, 5);

  public Reminders {
    if (amount < UNLIMITED || amount > 5) {
      throw new IllegalArgumentException("reminders must be 0 to 5, or -1 for no limit");
    }
    if (!ALLOWED_INTERVALS.contains(intervalMinutes)) {
      throw new IllegalArgumentException("the reminder interval must be one of " + ALLOWED_INTERVALS + " minutes");
    }
  }

  /** When the next reminder is due after {@code sent} reminders, counted from {@code from}. */
  public Optional<Instant> next(int sent, Instant from) {
    if (amount == 0 || (amount != UNLIMITED && sent >= amount)) {
      return Optional.empty();
    }
    return Optional.of(from.plus(Duration.ofMinutes(intervalMinutes)));
  }
}
