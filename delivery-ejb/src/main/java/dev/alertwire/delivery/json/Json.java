package dev.alertwire.delivery.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The factory methods of {@link jakarta.json.Json} on one provider looked up once. {@code jakarta.json.Json}
 * looks its provider up with a {@link java.util.ServiceLoader} on every call, which scans the class path
 * under a lock: about 8% of the app's CPU while accepting and delivering alerts (docs/benchmarks.md). Used
 * on the hot paths (alert intake, dispatch, attempt records, the delivery history) by importing this class
 * instead of {@code jakarta.json.Json}.
 */
public final class Json {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Json() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
    return PROVIDER.createObjectBuilder(map);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder(JsonArray array) {
    return PROVIDER.createArrayBuilder(array);
  }

  public static JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
    return PROVIDER.createArrayBuilder(collection);
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(double value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }
}
