package dev.alertwire.web.view.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alertwire.domain.event.SampleEvents;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {
  private final ConsoleFormat fmt = new ConsoleFormat();

  @Test
  void alertTypesReadAsPeopleSayThem() {
    assertEquals("failure", fmt.alertType("ALERT_FAILURE"));
    assertEquals("degraded recovery", fmt.alertType("ALERT_DEGRADED_RECOVERY"));
    assertEquals("SSL expiry", fmt.alertType("ALERT_SSL"));
    assertEquals("reminder", fmt.alertKind(SampleEvents.Kind.REMINDER));
    assertEquals("Alertmanager alert (firing)", fmt.alertKind(SampleEvents.Kind.ALERTMANAGER));
    assertEquals("custom thing", fmt.alertType("CUSTOM_THING"), "a type Alertwire does not know is still shown");
    assertEquals("", fmt.alertType(null));
  }

  @Test
  void namesJoinOrSayWhatIsMissing() {
    assertEquals("a, b", fmt.join(java.util.List.of("a", "b"), "none"));
    assertEquals("none", fmt.join(java.util.List.of(), "none"));
    java.util.List<String> many = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "c" + i).toList();
    assertEquals("c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 and 2 more", fmt.joinFirst(many, "none"));
    assertEquals("c1, c2", fmt.joinFirst(many.subList(0, 2), "none"));
    assertEquals("none", fmt.joinFirst(java.util.List.of(), "none"));
  }
}
