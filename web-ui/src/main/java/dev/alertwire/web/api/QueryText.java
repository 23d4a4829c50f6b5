package dev.alertwire.web.api;

import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.json.JsonObjectBuilder;

/**
 * Query parameters read as text, and nullable strings written to answers: shared by the paged lists
 * (deliveries, audit). Numbers are read as text because an int parameter that does not convert is JAX-RS's
 * bare 404, not a 400 naming the field.
 */
final class QueryText {
  private QueryText() {}

  /** A whole number in [min, max], or a 400 naming the field. */
  static int whole(String field, String text, int min, int max) {
    String message = "must be a whole number between " + min + " and " + max;
    if (text == null || !text.trim().matches("[+-]?[0-9]{1,10}")) {
      throw new InvalidInputException(field, message);
    }
    long value = Long.parseLong(text.trim());
    if (value < min || value > max) {
      throw new InvalidInputException(field, message);
    }
    return (int) value;
  }

  /** A filter: absent when blank. */
  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** {@code key: value}, or {@code key: null}. */
  static void addNullable(JsonObjectBuilder o, String key, String value) {
    if (value == null) {
      o.addNull(key);
    } else {
      o.add(key, value);
    }
  }
}
