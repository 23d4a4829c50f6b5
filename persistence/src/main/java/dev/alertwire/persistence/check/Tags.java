package dev.alertwire.persistence.check;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/** Tags are stored as a JSON array, so a tag may hold any character, commas included. */
final class Tags {
  private Tags() {}

  static String toJson(List<String> tags) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    (tags == null ? List.<String>of() : tags).forEach(array::add);
    return array.build().toString();
  }

  static List<String> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
  }
}
