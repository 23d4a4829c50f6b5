package dev.alertwire.delivery.dispatch;

import dev.alertwire.domain.delivery.AttemptOutcome;
import dev.alertwire.domain.delivery.ErrorClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What came back from one HTTP attempt: a response (body capped) or the error that prevented one. */
public record SendResult(
    Instant startedAt,
    long durationMs,
    Integer status,
    Map<String, List<String>> headers,
    String body,
    ErrorClass error,
    String errorMessage) {

  public AttemptOutcome outcome() {
    if (status == null) {
      return AttemptOutcome.error(error);
    }
    return AttemptOutcome.status(status, retryAfter());
  }

  private Duration retryAfter() {
    List<String> values = headers.getOrDefault("retry-after", List.of());
    if (values.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(values.get(0).trim()));
    } catch (NumberFormatException httpDate) {
      try {
        Instant at = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(values.get(0).trim(), Instant::from);
        return Duration.between(startedAt, at);
      } catch (java.time.format.DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
