package dev.alertwire.delivery.json;

import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON documents (request bodies, uploaded exports) with errors that say where and what, instead of a
 * bare 400. Shared by the REST resources and the boundaries that take a whole document.
 */
public final class JsonBodies {
  private JsonBodies() {}

  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidInputException("body", "a JSON object is required");
    }
    // The parser recurses per level: 100,000 levels would overflow its stack (a 500) before any check.
    // Half a surrogate pair would be stored as "?".
    JsonInputLimits.checkStructure(body);
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException("body", "must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw new InvalidInputException(
          List.of(new FieldError("body", "malformed JSON", (int) at.getLineNumber(), (int) at.getColumnNumber())));
    } catch (JsonException e) {
      throw new InvalidInputException("body", "malformed JSON");
    }
  }

  public static String string(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    throw new InvalidInputException(field, "must be a string");
  }

  public static Boolean bool(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
      return v.getValueType() == JsonValue.ValueType.TRUE;
    }
    throw new InvalidInputException(field, "must be true or false");
  }

  public static Long number(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.longValueExact();
      } catch (ArithmeticException e) {
        throw new InvalidInputException(field, "is too large");
      }
    }
    throw new InvalidInputException(field, "must be a whole number");
  }

  public static Integer integer(JsonObject o, String field) {
    Long n = number(o, field);
    if (n != null && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
      throw new InvalidInputException(field, "is out of range");
    }
    return n == null ? null : n.intValue();
  }

  /** An optional array of objects. */
  public static java.util.Optional<List<JsonObject>> objects(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return java.util.Optional.empty();
    }
    if (!(v instanceof JsonArray array) || array.stream().anyMatch(i -> i.getValueType() != JsonValue.ValueType.OBJECT)) {
      throw new InvalidInputException(field, "must be an array of objects");
    }
    return java.util.Optional.of(array.getValuesAs(JsonObject.class));
  }

  /** An optional array of strings. */
  public static List<String> strings(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonArray array) || array.stream().anyMatch(i -> i.getValueType() != JsonValue.ValueType.STRING)) {
      throw new InvalidInputException(field, "must be an array of strings");
    }
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  /** {@code [{key, value, locked}]}, as the hosted product's API sends headers and query parameters. */
  public static List<KeyValue> keyValues(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonArray array)) {
      throw new InvalidInputException(field, "must be an array of {key, value} objects");
    }
    List<KeyValue> rows = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = field + "[" + i + "]";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException(at, "must be a {key, value} object");
      }
      JsonObject row = array.getJsonObject(i);
      try {
        Boolean locked = bool(row, "locked");
        rows.add(new KeyValue(string(row, "key"), string(row, "value"), locked != null && locked));
      } catch (InvalidInputException e) {
        // Name the row: "headers[1].locked", not "locked".
        throw new InvalidInputException(e.errors().stream().map(f -> new FieldError(at + "." + f.field(), f.message(), f.line(), f.column())).toList());
      }
    }
    return rows;
  }
}
