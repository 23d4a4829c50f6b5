package dev.alertwire.persistence.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.alertwire.domain.validation.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertEventTest {
  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

  @Test
  void variablesOverTheColumnCapacityAreRefusedAsInput() {
    // 1,040,000 characters: under the API's 1 MiB body limit, over the 1,000,000 the column holds.
    String json = "{\"PAD\": \"" + "x".repeat(1_040_000) + "\"}";
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> new AlertEvent("c", "ALERT_FAILURE", NOW, json, NOW));
    assertEquals("body", e.errors().get(0).field());
  }

  @Test
  void variablesThatFitAreKeptVerbatim() {
    String json = "{\"PAD\": \"" + "x".repeat(999_900) + "\"}";
    assertEquals(json, new AlertEvent("c", "ALERT_FAILURE", NOW, json, NOW).variablesJson());
  }
}
