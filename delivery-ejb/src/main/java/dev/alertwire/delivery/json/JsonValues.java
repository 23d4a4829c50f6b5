package dev.alertwire.delivery.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-P values to the plain Maps, Lists, Strings, Numbers and Booleans the template engine works on. */
public final class JsonValues {
  private JsonValues() {}

  public static Map<String, Object> toMap(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.forEach((k, v) -> map.put(k, toJava(v)));
    return map;
  }

  public static Map<String, Object> parseObject(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return toMap(reader.readObject());
    }
  }

  public static JsonObject toJsonObject(Map<String, Object> map) {
    return toJsonValue(map).asJsonObject();
  }

  public static String toJson(Map<String, Object> map) {
    return toJsonValue(map).toString();
  }

  @SuppressWarnings("unchecked")
  static JsonValue toJsonValue(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Map<?, ?> map) {
      var object = Json.createObjectBuilder();
      map.forEach((k, v) -> object.add(String.valueOf(k), toJsonValue(v)));
      return object.build();
    }
    if (value instanceof List<?> list) {
      var array = Json.createArrayBuilder();
      list.forEach(v -> array.add(toJsonValue(v)));
      return array.build();
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof java.math.BigDecimal d) {
      return Json.createValue(d);
    }
    if (value instanceof Number n) {
      return Json.createValue(n.doubleValue());
    }
    return Json.createValue(value.toString());
  }

  public static Object toJava(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> toMap((JsonObject) value);
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
          list.add(toJava(item));
        }
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> {
        JsonNumber n = (JsonNumber) value;
        if (n.isIntegral()) {
          try {
            yield n.longValueExact();
          } catch (ArithmeticException tooLarge) {
            yield n.bigDecimalValue();
          }
        }
        yield n.bigDecimalValue();
      }
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }
}
