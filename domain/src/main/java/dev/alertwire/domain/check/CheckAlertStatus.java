package dev.alertwire.domain.check;

import java.time.Instant;

/**
 * Everything the state machine remembers about a check between results. {@code failureAlerted} and
 * {@code degradedAlerted} say whether an alert actually went out (not when muted), which decides whether
 * the matching recovery goes out.
 */
public record CheckAlertStatus(
    AlertState state,
    int consecutiveFailures,
    Instant failingSince,
    int consecutiveDegraded,
    Instant degradedSince,
    boolean failureAlerted,
    boolean degradedAlerted) {

  public static final CheckAlertStatus NEW = new CheckAlertStatus(AlertState.PASSING, 0, null, 0, null, false, false);
}
