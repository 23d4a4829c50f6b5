package dev.alertwire.domain.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every case of the conformance files (expected output produced by the reference engine)
 * and compares byte for byte. Sources, in order: the copy kept in the repository (test resource
 * {@code conformance/handlebars/cases.json}), then every *.json in {@code ${shared.dir}/conformance/handlebars/}
 * when that folder exists (a case identical to one already taken is skipped), then the comma-separated
 * paths in system property {@code conformance.cases}.
 */
class HandlebarsConformanceTest {

  @TestFactory
  Stream<DynamicTest> conformanceCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    Set<JsonObject> seen = new HashSet<>();
    try (InputStream kept = HandlebarsConformanceTest.class.getResourceAsStream(KEPT_CASES)) {
      if (kept == null) {
        fail("the repository's conformance cases are missing from the test classpath: " + KEPT_CASES);
      }
      tests.addAll(casesOf(read(new InputStreamReader(kept, StandardCharsets.UTF_8)), seen));
    }
    for (Path file : caseFiles()) {
      tests.addAll(casesOf(read(file), seen));
    }
    return tests.stream();
  }

  /** The copy of the reference's cases that the repository carries (see its README.md). */
  static final String KEPT_CASES = "/conformance/handlebars/cases.json";

  /** One dynamic test per case not in {@code seen} (which it extends), named by the case id. */
  static List<DynamicTest> casesOf(JsonObject root, Set<JsonObject> seen) {
    JsonArrayBuilder fresh = Json.createArrayBuilder();
    for (JsonValue value : root.getJsonArray("cases")) {
      if (seen.add(value.asJsonObject())) {
        fresh.add(value);
      }
    }
    return casesOf(Json.createObjectBuilder(root).add("cases", fresh).build());
  }

  /** One dynamic test per case of a conformance document, named by the case id. */
  static List<DynamicTest> casesOf(JsonObject root) {
    List<DynamicTest> tests = new ArrayList<>();
    {
      String defaultNow = root.getString("now", "2026-06-15T12:34:56.789Z");
      String defaultZone = root.getString("timezone", "UTC");
      for (JsonValue value : root.getJsonArray("cases")) {
        JsonObject c = value.asJsonObject();
        String id = c.getString("id");
        tests.add(DynamicTest.dynamicTest(id, () -> runCase(c, defaultNow, defaultZone)));
      }
    }
    return tests;
  }

  private static void runCase(JsonObject c, String defaultNow, String defaultZone) {
    String now = c.getString("now", defaultNow);
    String zone = c.getString("timezone", defaultZone);
    TemplateEngine engine =
        new TemplateEngine(Clock.fixed(Instant.parse(now), ZoneId.of(zone)), ZoneId.of(zone));
    String template = c.getString("template");
    @SuppressWarnings("unchecked")
    Map<String, Object> context = c.containsKey("context") && !c.isNull("context")
        ? (Map<String, Object>) toJava(c.get("context")) : Map.of();
    if (c.getBoolean("error", false)) {
      assertThrows(TemplateException.class, () -> engine.render(template, context),
          () -> "[" + c.getString("id") + "] expected a TemplateException");
      return;
    }
    String actual;
    try {
      actual = engine.render(template, context);
    } catch (RuntimeException e) {
      throw new AssertionError("[" + c.getString("id") + "] " + e, e);
    }
    if (c.containsKey("expectRegex")) {
      String regex = c.getString("expectRegex");
      assertTrue(Pattern.compile(regex).matcher(actual).find(),
          () -> "[" + c.getString("id") + "] output " + quote(actual) + " does not match " + regex);
    } else {
      assertEquals(c.getString("expected"), actual, () -> "[" + c.getString("id") + "]");
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\n", "\\n") + "\"";
  }

  static Path sharedDir() {
    String configured = System.getProperty("shared.dir");
    if (configured != null && !configured.isBlank() && Files.isDirectory(Paths.get(configured))) {
      return Paths.get(configured);
    }
    return Paths.get("..", "..", "shared");
  }

  private static List<Path> caseFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    Path folder = sharedDir().resolve("conformance").resolve("handlebars");
    if (Files.isDirectory(folder)) {
      try (Stream<Path> list = Files.list(folder)) {
        list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
            .forEach(files::add);
      }
    }
    String extra = System.getProperty("conformance.cases");
    if (extra != null) {
      for (String name : extra.split(",")) {
        if (!name.isBlank()) {
          files.add(Paths.get(name.trim()));
        }
      }
    }
    return files;
  }

  static JsonObject read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader);
    }
  }

  static JsonObject read(Reader reader) {
    try (JsonReader json = Json.createReader(reader)) {
      return json.readObject();
    }
  }

  /** JSON to the plain Java values the engine takes (as a JSON parser would give them). */
  static Object toJava(JsonValue value) {
    switch (value.getValueType()) {
      case NULL:
        return null;
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case STRING:
        return ((JsonString) value).getString();
      case NUMBER: {
        JsonNumber number = (JsonNumber) value;
        if (number.isIntegral()) {
          try {
            return number.longValueExact();
          } catch (ArithmeticException tooBig) {
            return number.bigDecimalValue();
          }
        }
        return number.bigDecimalValue();
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>();
        for (JsonValue element : (JsonArray) value) {
          list.add(toJava(element));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
          map.put(e.getKey(), toJava(e.getValue()));
        }
        return map;
      }
    }
  }
}
