package dev.alertwire.domain.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.request.RequestRenderer;
import dev.alertwire.domain.template.TemplateEngine;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset the channel editor offers renders, for every sample alert, to a request that could be sent:
 * the URL parses and a body, when there is one, is valid JSON.
 */
class PresetsRenderTest {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\{?\\s*([A-Z][A-Z0-9_]*)\\s*}?}}");
  private final RequestRenderer renderer = new RequestRenderer(new TemplateEngine());

  static Stream<String> presetIds() throws IOException {
    return Stream.of(resource("presets/index.txt").split("\n"))
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"));
  }

  @ParameterizedTest
  @MethodSource("presetIds")
  void rendersToValidJsonForEverySampleAlert(String id) throws IOException {
    JsonObject preset = Json.createReader(new StringReader(resource("presets/" + id + ".json"))).readObject();
    assertEquals(id, preset.getString("id"));
    assertFalse(preset.getString("name").isBlank());
    WebhookTemplate template =
        new WebhookTemplate(
            preset.getString("url"),
            HttpMethod.parse(preset.getString("method")).orElseThrow(),
            rows(preset, "headers"),
            rows(preset, "queryParameters"),
            preset.getString("body"));
    renderer.validate(template);
    for (SampleEvents.Kind kind : SampleEvents.Kind.values()) {
      Map<String, Object> context = new LinkedHashMap<>(userVariables(preset.toString()));
      context.putAll(SampleEvents.of(kind, Clock.systemUTC(), "https://alertwire.example.com/"));
      OutgoingRequest request = renderer.render(template, context);
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
      assertTrue(request.body().contains("Checkout API") || request.body().contains("api.example.com"),
          id + " shows the alert: " + request.body());
    }
  }

  /** Variables the preset expects the user to define (environment variables, secrets), with sample values. */
  private static Map<String, Object> userVariables(String text) {
    Map<String, Object> values = new LinkedHashMap<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      values.put(name, name.endsWith("_URL") ? "https://" + name.toLowerCase().replace('_', '-') + ".example.com" : "sample-" + name.toLowerCase());
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
