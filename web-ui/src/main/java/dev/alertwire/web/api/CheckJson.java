package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.check.CheckInput;
import dev.alertwire.persistence.check.AlertingSettings;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.persistence.check.MonitoredCheck;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Checks and groups as the API reads and shows them. */
final class CheckJson {
  private CheckJson() {}

  static CheckInput input(JsonObject o) {
    return new CheckInput(
        JsonBodies.string(o, "name"),
        JsonBodies.string(o, "checkType"),
        JsonBodies.string(o, "description"),
        JsonBodies.strings(o, "tags"),
        JsonBodies.string(o, "groupId"),
        JsonBodies.bool(o, "activated"),
        JsonBodies.bool(o, "muted"),
        JsonBodies.bool(o, "useGroupSettings"),
        JsonBodies.string(o, "escalationType"),
        JsonBodies.integer(o, "failedRunThreshold"),
        JsonBodies.integer(o, "minutesFailingThreshold"),
        JsonBodies.integer(o, "reminderAmount"),
        JsonBodies.integer(o, "reminderIntervalMinutes"));
  }

  static JsonObject of(MonitoredCheck c) {
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("id", c.id())
            .add("name", c.name())
            .add("checkType", c.checkType())
            .add("tags", tags(c.tags()))
            .add("activated", c.activated())
            .add("muted", c.muted())
            .add("useGroupSettings", c.usesGroupSettings())
            .add("alertState", c.state().name())
            .add("remindersSent", c.remindersSent())
            .add("created", c.createdAt().toString());
    o.add("description", c.description() == null ? "" : c.description());
    c.groupId().ifPresentOrElse(g -> o.add("groupId", g), () -> o.addNull("groupId"));
    c.lastResultAt().ifPresentOrElse(t -> o.add("lastResultAt", t.toString()), () -> o.addNull("lastResultAt"));
    c.nextReminderAt().ifPresentOrElse(t -> o.add("nextReminderAt", t.toString()), () -> o.addNull("nextReminderAt"));
    settings(o, c.ownSettings());
    return o.build();
  }

  static JsonObject of(CheckGroup g) {
    JsonObjectBuilder o =
        Json.createObjectBuilder().add("id", g.id()).add("name", g.name()).add("tags", tags(g.tags())).add("created", g.createdAt().toString());
    settings(o, g.settings());
    return o.build();
  }

  private static void settings(JsonObjectBuilder o, AlertingSettings s) {
    o.add("escalationType", s.escalation().type().name())
        .add("failedRunThreshold", s.escalation().failedRuns())
        .add("minutesFailingThreshold", s.escalation().minutesFailing())
        .add("reminderAmount", s.reminders().amount())
        .add("reminderIntervalMinutes", s.reminders().intervalMinutes());
  }

  private static JsonArrayBuilder tags(java.util.List<String> tags) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    tags.forEach(array::add);
    return array;
  }
}
