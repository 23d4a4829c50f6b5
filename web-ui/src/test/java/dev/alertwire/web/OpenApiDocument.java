package dev.alertwire.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OpenAPI 3.0 document as served at /openapi (JSON form), and a validator for the part of JSON Schema
 * it uses: $ref, type, format date-time, nullable, enum, properties, required, additionalProperties (false
 * or a schema), items and oneOf. A schema with none of type, $ref, oneOf or enum describes nothing and is
 * refused, so a body documented as "anything" fails like an undocumented one.
 */
final class OpenApiDocument {
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final JsonObject document;

  OpenApiDocument(JsonObject document) {
    this.document = document;
  }

  JsonObject json() {
    return document;
  }

  /** "GET /api/v1/checks/{id}", for every operation in the document. */
  Set<String> operations() {
    Set<String> all = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    if (paths == null) {
      return all;
    }
    paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
        .filter(METHODS::contains)
        .forEach(m -> all.add(m.toUpperCase(Locale.ROOT) + " " + path)));
    return all;
  }

  /** The document's path template that a concrete path (no query) matches; literal segments win over {params}. */
  Optional<String> template(String path) {
    JsonObject paths = document.getJsonObject("paths");
    if (paths == null) {
      return Optional.empty();
    }
    String[] segments = path.split("/", -1);
    return paths.keySet().stream()
        .filter(t -> matches(t.split("/", -1), segments))
        .max(Comparator.comparingLong(t -> t.chars().filter(c -> c == '{').count() * -1L));
  }

  private static boolean matches(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return false;
    }
    for (int i = 0; i < template.length; i++) {
      boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
      if (parameter ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  Optional<JsonObject> operation(String method, String template) {
    JsonObject paths = document.getJsonObject("paths");
    if (paths == null || !paths.containsKey(template)) {
      return Optional.empty();
    }
    return Optional.ofNullable(paths.getJsonObject(template).getJsonObject(method.toLowerCase(Locale.ROOT)));
  }

  /** The response the operation documents for this status, its $ref followed. */
  Optional<JsonObject> response(JsonObject operation, int status) {
    JsonObject responses = operation.getJsonObject("responses");
    if (responses == null || !responses.containsKey(Integer.toString(status))) {
      return Optional.empty();
    }
    return Optional.of(resolve(responses.getJsonObject(Integer.toString(status))));
  }

  JsonObject resolve(JsonObject maybeRef) {
    JsonObject o = maybeRef;
    for (int hops = 0; o.containsKey("$ref"); hops++) {
      if (hops > 20) {
        throw new IllegalStateException("$ref loop at " + maybeRef);
      }
      String ref = o.getString("$ref");
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local $refs are supported: " + ref);
      }
      JsonValue target = document;
      for (String part : ref.substring(2).split("/")) {
        target = target.asJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
        if (target == null) {
          throw new IllegalStateException("$ref " + ref + " names nothing in the document");
        }
      }
      o = target.asJsonObject();
    }
    return o;
  }

  /** Every way {@code value} differs from {@code schema}, each as "$.path: what"; empty when it conforms. */
  List<String> validate(JsonValue value, JsonObject schema) {
    List<String> errors = new ArrayList<>();
    validate(value, schema, "$", errors);
    return errors;
  }

  private void validate(JsonValue value, JsonObject schemaOrRef, String at, List<String> errors) {
    JsonObject schema = resolve(schemaOrRef);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      if (!schema.getBoolean("nullable", false)) {
        errors.add(at + ": null, and the schema does not allow null (nullable)");
      }
      return;
    }
    if (schema.containsKey("oneOf")) {
      JsonArray choices = schema.getJsonArray("oneOf");
      List<List<String>> failures = new ArrayList<>();
      for (JsonValue choice : choices) {
        List<String> e = new ArrayList<>();
        validate(value, choice.asJsonObject(), at, e);
        failures.add(e);
      }
      long matched = failures.stream().filter(List::isEmpty).count();
      if (matched != 1) {
        errors.add(at + ": matches " + matched + " of the " + choices.size() + " oneOf schemas, not exactly one " + (matched == 0 ? failures : ""));
      }
      return;
    }
    if (!schema.containsKey("type") && !schema.containsKey("enum")) {
      errors.add(at + ": the schema describes nothing (no type, $ref, oneOf or enum): " + schema);
      return;
    }
    if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
      errors.add(at + ": " + value + " is not one of " + schema.getJsonArray("enum"));
    }
    if (!schema.containsKey("type")) {
      return;
    }
    String type = schema.getString("type");
    switch (type) {
      case "string" -> {
        if (!(value instanceof JsonString s)) {
          errors.add(at + ": " + kind(value) + ", the schema says string");
        } else if ("date-time".equals(schema.getString("format", null))) {
          try {
            OffsetDateTime.parse(s.getString());
          } catch (DateTimeParseException e) {
            errors.add(at + ": \"" + s.getString() + "\" is not a date-time (RFC 3339)");
          }
        }
      }
      case "integer" -> {
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
          errors.add(at + ": " + kind(value) + ", the schema says integer");
        }
      }
      case "number" -> {
        if (!(value instanceof JsonNumber)) {
          errors.add(at + ": " + kind(value) + ", the schema says number");
        }
      }
      case "boolean" -> {
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
          errors.add(at + ": " + kind(value) + ", the schema says boolean");
        }
      }
      case "array" -> {
        if (!(value instanceof JsonArray array)) {
          errors.add(at + ": " + kind(value) + ", the schema says array");
        } else if (!schema.containsKey("items")) {
          errors.add(at + ": the array schema has no items schema");
        } else {
          for (int i = 0; i < array.size(); i++) {
            validate(array.get(i), schema.getJsonObject("items"), at + "[" + i + "]", errors);
          }
        }
      }
      case "object" -> {
        if (!(value instanceof JsonObject object)) {
          errors.add(at + ": " + kind(value) + ", the schema says object");
        } else {
          object(object, schema, at, errors);
        }
      }
      default -> errors.add(at + ": unknown schema type " + type);
    }
  }

  private void object(JsonObject object, JsonObject schema, String at, List<String> errors) {
    JsonObject properties = schema.containsKey("properties") ? schema.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
    if (schema.containsKey("required")) {
      for (JsonValue name : schema.getJsonArray("required")) {
        String field = ((JsonString) name).getString();
        if (!object.containsKey(field)) {
          errors.add(at + ": the required field \"" + field + "\" is missing");
        }
      }
    }
    JsonValue additional = schema.get("additionalProperties");
    for (var entry : object.entrySet()) {
      String where = at + "." + entry.getKey();
      if (properties.containsKey(entry.getKey())) {
        validate(entry.getValue(), properties.getJsonObject(entry.getKey()), where, errors);
      } else if (additional == null || additional.getValueType() == JsonValue.ValueType.TRUE) {
        continue;
      } else if (additional.getValueType() == JsonValue.ValueType.FALSE) {
        errors.add(where + ": a field the schema does not describe (additionalProperties: false)");
      } else {
        validate(entry.getValue(), additional.asJsonObject(), where, errors);
      }
    }
  }

  private static String kind(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> "a string";
      case NUMBER -> ((JsonNumber) value).isIntegral() ? "an integer" : "a number";
      case TRUE, FALSE -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
    };
  }
}
