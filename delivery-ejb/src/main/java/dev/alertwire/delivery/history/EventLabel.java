package dev.alertwire.delivery.history;

import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.persistence.event.AlertEvent;
import java.util.Map;

/**
 * How the history names the alert a delivery carries: its type ({@code REMINDER} for a reminder) and its
 * title (ALERT_TITLE, else the check's name), from the event as stored.
 */
public record EventLabel(String alertType, String title) implements java.io.Serializable {
  public static final EventLabel NONE = new EventLabel(null, null);

  public static EventLabel of(AlertEvent event) {
    if (event == null) {
      return NONE;
    }
    Map<String, Object> variables;
    try {
      variables = JsonValues.parseObject(event.variablesJson());
    } catch (RuntimeException notAnObject) {
      variables = Map.of();
    }
    boolean reminder = Boolean.TRUE.equals(variables.get("IS_REMINDER"));
    String title = text(variables.get("ALERT_TITLE"));
    if (title == null) {
      title = text(variables.get("CHECK_NAME"));
    }
    return new EventLabel(AlertEvent.historyType(event.alertType(), reminder), title);
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
