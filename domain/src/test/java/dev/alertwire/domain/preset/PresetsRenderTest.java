package dev.alertwire.domain.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.event.EventVariable;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.event.SampleEvents.Kind;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.request.RequestRenderer;
import dev.alertwire.domain.template.TemplateEngine;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset the channel editor offers renders, for every sample alert, to a request that could be sent:
 * the URL parses and a body, when there is one, is valid JSON. Presets for receivers that keep an alert's state
 * map each alert type to that state, and a recovery reaches the receiver under the key its failure opened.
 */
class PresetsRenderTest {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\{?\\s*([A-Z][A-Z0-9_]*)\\s*}?}}");
  /** Mustaches that skip the HTML escaping which keeps event values from breaking a JSON string. */
  private static final Pattern UNESCAPED = Pattern.compile("\\{\\{(?:\\{|&)\\s*([A-Za-z0-9_.$]+)");
  private static final Clock FIXED = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
  private final RequestRenderer renderer = new RequestRenderer(new TemplateEngine());

  static Stream<String> presetIds() throws IOException {
    return Stream.of(resource("presets/index.txt").split("\n"))
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"));
  }

  @ParameterizedTest
  @MethodSource("presetIds")
  void rendersToValidJsonForEverySampleAlert(String id) throws IOException {
    JsonObject preset = preset(id);
    assertEquals(id, preset.getString("id"));
    assertFalse(preset.getString("name").isBlank());
    renderer.validate(template(preset));
    for (Kind kind : Kind.values()) {
      OutgoingRequest request = render(preset, kind, Clock.systemUTC());
      assertNotNull(request.uri().getHost(), id + " " + kind + ": " + request.uri());
      if (preset.getString("body").isEmpty()) {
        assertEquals("", request.body(), id + " has no body");
        continue;
      }
      try {
        JsonValue body = Json.createReader(new StringReader(request.body())).readValue();
        assertEquals(JsonValue.ValueType.OBJECT, body.getValueType(), id + " " + kind);
      } catch (JsonParsingException e) {
        throw new AssertionError(id + " renders invalid JSON for " + kind + ": " + e.getMessage() + "\n" + request.body(), e);
      }
      // The Alertmanager sample (issue 16) is named by its alertname label and titled by its summary.
      assertTrue(request.body().contains("Checkout API") || request.body().contains("api.example.com")
              || (kind == Kind.ALERTMANAGER && (request.body().contains("CheckoutHighErrorRate") || request.body().contains("Checkout answers"))),
          id + " shows the alert: " + request.body());
    }
  }

  /**
   * Tokens in headers reach the receiver as the user stored them: base64 padding ("=") must not come out as
   * an HTML entity, which an escaping mustache would make of it.
   */
  @ParameterizedTest
  @MethodSource("presetIds")
  void sendsTheUsersTokensInHeadersVerbatim(String id) throws IOException {
    JsonObject preset = preset(id);
    OutgoingRequest request = render(preset, Kind.values()[0], FIXED);
    for (KeyValue header : rows(preset, "headers")) {
      Map<String, Object> used = userVariables(header.value());
      if (used.isEmpty()) {
        continue;
      }
      String sent = request.headers().stream().filter(h -> h.name().equalsIgnoreCase(header.key())).map(h -> h.value()).findFirst().orElseThrow();
      used.values().forEach(v -> assertTrue(sent.contains(String.valueOf(v)), id + " header " + header.key() + " sends " + sent));
    }
  }

  /** Event values can hold quotes; only the user's own variables (URLs, tokens) may be rendered unescaped. */
  @ParameterizedTest
  @MethodSource("presetIds")
  void rendersEventVariablesEscaped(String id) throws IOException {
    Set<String> eventVariables = EventVariable.ALL.stream().map(EventVariable::name).collect(Collectors.toSet());
    Matcher m = UNESCAPED.matcher(resource("presets/" + id + ".json"));
    while (m.find()) {
      assertFalse(eventVariables.contains(m.group(1)), id + " renders the event variable " + m.group(1) + " unescaped");
    }
  }

  /**
   * How each receiver that tracks state sees the alert types, in the order FAILURE, RECOVERY, DEGRADED,
   * DEGRADED_RECOVERY, SSL, REMINDER ({@code null}: the field is absent), and which field identifies the alert.
   */
  static Stream<StateMapping> stateMappings() {
    return Stream.of(
        new StateMapping("microsoft-teams", "/attachments/0/content/body/0/color", null,
            "Attention", "Good", "Warning", "Good", "Warning", "Attention"),
        new StateMapping("discord", "/embeds/0/color", null,
            "15158332", "3066993", "15105570", "3066993", "15105570", "15158332"),
        new StateMapping("telegram", "/disable_notification", null,
            "false", "true", "false", "true", "false", "false"),
        new StateMapping("incident-io", "/status", "/deduplication_key",
            "firing", "resolved", "firing", "resolved", "firing", "firing"),
        new StateMapping("rootly", "/status", "/external_id",
            "triggered", "resolved", "triggered", "resolved", "triggered", "triggered"),
        new StateMapping("firehydrant", "/status", "/idempotency_key",
            "OPEN", "CLOSED", "OPEN", "CLOSED", "OPEN", "OPEN"),
        new StateMapping("splunk-on-call", "/message_type", "/entity_id",
            "CRITICAL", "RECOVERY", "WARNING", "RECOVERY", "WARNING", "CRITICAL"),
        new StateMapping("ilert", "/eventType", "/alertKey",
            "ALERT", "RESOLVE", "ALERT", "RESOLVE", "ALERT", "ALERT"),
        new StateMapping("spike-sh", "/status", "/title",
            null, "resolve", null, "resolve", null, null),
        new StateMapping("gitlab-alerts", "/end_time", "/fingerprint",
            null, "2025-03-01T11:59:58Z", null, "2025-03-01T11:59:58Z", null, null),
        new StateMapping("coralogix", "/logEntries/0/severity", null,
            "5", "3", "4", "3", "4", "5"));
  }

  @ParameterizedTest
  @MethodSource("stateMappings")
  void mapsEveryAlertTypeToTheReceiversState(StateMapping mapping) throws IOException {
    JsonObject preset = preset(mapping.id());
    assertTrue(presetIds().anyMatch(mapping.id()::equals), mapping.id() + " is offered in index.txt");
    Map<Kind, JsonObject> bodies = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      bodies.put(kind, Json.createReader(new StringReader(render(preset, kind, FIXED).body())).readObject());
      assertEquals(mapping.expected(kind), valueAt(bodies.get(kind), mapping.statePointer()),
          mapping.id() + " " + kind + " at " + mapping.statePointer());
    }
    assertNotEquals(bodies.get(Kind.ALERT_FAILURE), bodies.get(Kind.ALERT_RECOVERY), mapping.id());
    if (mapping.keyPointer() != null) {
      String key = valueAt(bodies.get(Kind.ALERT_FAILURE), mapping.keyPointer());
      assertNotNull(key, mapping.id() + " identifies the alert at " + mapping.keyPointer());
      for (Kind kind : List.of(Kind.ALERT_RECOVERY, Kind.ALERT_DEGRADED, Kind.ALERT_DEGRADED_RECOVERY, Kind.REMINDER)) {
        assertEquals(key, valueAt(bodies.get(kind), mapping.keyPointer()),
            mapping.id() + ": " + kind + " must reach the alert the failure opened");
      }
      assertNotEquals(key, valueAt(bodies.get(Kind.ALERT_SSL), mapping.keyPointer()),
          mapping.id() + ": an SSL warning is an alert of its own, a recovery of the check must not close it");
    }
  }

  record StateMapping(String id, String statePointer, String keyPointer, String... states) {
    /** A firing Alertmanager alert is a failure to every receiver. */
    String expected(Kind kind) {
      return states[kind == Kind.ALERTMANAGER ? Kind.ALERT_FAILURE.ordinal() : kind.ordinal()];
    }

    @Override
    public String toString() {
      return id + " " + Arrays.toString(states);
    }
  }

  private OutgoingRequest render(JsonObject preset, Kind kind, Clock clock) {
    Map<String, Object> context = new LinkedHashMap<>(userVariables(preset.toString()));
    context.putAll(SampleEvents.of(kind, clock, "https://alertwire.example.com/"));
    return renderer.render(template(preset), context);
  }

  private static WebhookTemplate template(JsonObject preset) {
    return new WebhookTemplate(
        preset.getString("url"),
        HttpMethod.parse(preset.getString("method")).orElseThrow(),
        rows(preset, "headers"),
        rows(preset, "queryParameters"),
        preset.getString("body"));
  }

  private static String valueAt(JsonObject body, String pointer) {
    JsonPointer p = Json.createPointer(pointer);
    if (!p.containsValue(body)) {
      return null;
    }
    JsonValue value = p.getValue(body);
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  private static JsonObject preset(String id) throws IOException {
    return Json.createReader(new StringReader(resource("presets/" + id + ".json"))).readObject();
  }

  /** Variables the preset expects the user to define (environment variables, secrets), with sample values. */
  private static Map<String, Object> userVariables(String text) {
    Map<String, Object> values = new LinkedHashMap<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      values.put(name, name.endsWith("_URL") ? "https://" + name.toLowerCase().replace('_', '-') + ".example.com" : "sample-" + name.toLowerCase() + "=");
    }
    return values;
  }

  private static List<KeyValue> rows(JsonObject preset, String field) {
    return preset.getJsonArray(field).getValuesAs(JsonObject.class).stream()
        .map(o -> new KeyValue(o.getString("key"), o.getString("value"), o.getBoolean("locked", false)))
        .toList();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = PresetsRenderTest.class.getClassLoader().getResourceAsStream(path)) {
      assertNotNull(in, path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
