package dev.alertwire.domain.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A channel's label subscription, {@code name=value}, and the labels of an alert in the same form: routing
 * compares the two as text, so both are written here.
 */
public final class LabelMatcher {
  /** What a label subscription must look like, for the error beside the field. */
  public static final String RULE =
      "must be name=value, such as team=payments: a name of letters, digits and _ (at most 200 characters), a value of at most 400";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");
  private static final int MAX_VALUE = 400;

  private LabelMatcher() {}

  /** The subscription as stored ({@code name=value}, spaces around the name trimmed), if well-formed. */
  public static Optional<String> parse(String text) {
    int eq = text == null ? -1 : text.indexOf('=');
    if (eq < 0) {
      return Optional.empty();
    }
    String name = text.substring(0, eq).trim();
    String value = text.substring(eq + 1);
    if (!NAME.matcher(name).matches() || value.isEmpty() || value.length() > MAX_VALUE) {
      return Optional.empty();
    }
    return Optional.of(name + "=" + value);
  }

  /**
   * An alert's labels as {@code name=value}, the form subscriptions are stored in; only string values, and
   * none that no subscription could name.
   */
  public static List<String> of(Object labels) {
    List<String> pairs = new ArrayList<>();
    if (labels instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (v instanceof String s && !s.isEmpty() && s.length() <= MAX_VALUE && NAME.matcher(String.valueOf(k)).matches()) {
              pairs.add(k + "=" + s);
            }
          });
    }
    return pairs;
  }
}
