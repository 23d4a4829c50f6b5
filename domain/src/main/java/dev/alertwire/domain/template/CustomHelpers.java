package dev.alertwire.domain.template;

import static dev.alertwire.domain.template.Helper.arg;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reference's own helpers: $UUID, $RANDOM_NUMBER, split, tagValue, startsWith, replace. */
final class CustomHelpers {

  private static final SecureRandom RANDOM = new SecureRandom();

  private CustomHelpers() {}

  static void register(Map<String, Helper> helpers) {
    helpers.put("$RANDOM_NUMBER", (self, params, options) -> (double) RANDOM.nextInt(10001));
    helpers.put("$UUID", (self, params, options) -> UUID.randomUUID().toString());
    helpers.put("split", CustomHelpers::split);
    helpers.put("tagValue", CustomHelpers::tagValue);
    helpers.put("startsWith", (self, params, options) ->
        text(arg(params, options, 0)).startsWith(text(arg(params, options, 1))));
    helpers.put("replace", (self, params, options) -> {
      String input = text(arg(params, options, 0));
      String search = text(arg(params, options, 1));
      String replacement = text(arg(params, options, 2));
      // First occurrence only, taken literally (the reference passes a function, so "$&" is text).
      int at = input.indexOf(search);
      return at < 0 ? input
          : input.substring(0, at) + replacement + input.substring(at + search.length());
    });
  }

  /** The reference's a(): String(value), with null/undefined and the options object as "". */
  static String text(Object value) {
    if (JsValues.isNullish(value) || value instanceof HelperOptions
        || (value instanceof Map<?, ?> map && map.containsKey("lookupProperty"))) {
      return "";
    }
    return JsValues.toJsString(value);
  }

  /**
   * {@code split str sep [index]}: without an index the whole array (printed comma-joined) is
   * returned only when the index is literally -1; with two arguments the options object lands in the
   * index slot, so the result is empty, exactly as in the reference.
   */
  private static Object split(Object self, List<Object> params, HelperOptions options) {
    Object input = arg(params, options, 0);
    Object separator = arg(params, options, 1);
    Object index = arg(params, options, 2);
    if (index == JsValues.UNDEFINED) {
      index = -1.0;
    }
    if (!(input instanceof String s)) {
      throw new TemplateException("split: the first argument must be a string");
    }
    List<Object> parts = splitString(s, separator);
    if (index instanceof Number n && n.doubleValue() == -1) {
      return parts;
    }
    return JsValues.property(parts, index);
  }

  /** JavaScript String.prototype.split with a string separator. */
  static List<Object> splitString(String s, Object separator) {
    List<Object> parts = new ArrayList<>();
    if (separator == JsValues.UNDEFINED) {
      parts.add(s);
      return parts;
    }
    String sep = JsValues.toJsString(separator);
    if (sep.isEmpty()) {
      for (int i = 0; i < s.length(); i++) {
        parts.add(String.valueOf(s.charAt(i)));
      }
      return parts;
    }
    int start = 0;
    int at;
    while ((at = s.indexOf(sep, start)) >= 0) {
      parts.add(s.substring(start, at));
      start = at + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** {@code tagValue TAGS "name" [default]}: the value of the first "name:x" or "name=x" tag. */
  private static Object tagValue(Object self, List<Object> params, HelperOptions options) {
    Object tags = arg(params, options, 0);
    String fallback = text(arg(params, options, 2));
    if (!(tags instanceof List<?> list)) {
      return fallback;
    }
    String name = text(arg(params, options, 1));
    if (name.isEmpty()) {
      return fallback;
    }
    List<String> prefixes = name.endsWith(":") || name.endsWith("=")
        ? List.of(name) : List.of(name + ":", name + "=");
    for (Object tag : list) {
      if (tag instanceof String s) {
        for (String prefix : prefixes) {
          if (s.startsWith(prefix)) {
            String matched = prefixes.stream().filter(s::startsWith).findFirst().orElse(name);
            return s.substring(matched.length());
          }
        }
      }
    }
    return fallback;
  }
}
