package dev.alertwire.domain.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JavaScript value semantics over the values a JSON parser gives (String, Boolean, Number, null,
 * List, Map).
 *
 * <p>The reference engine is handlebars.js; templates written for it rely on JavaScript's
 * truthiness, string conversion, number printing and (loose) equality, so every helper goes through
 * here instead of Java's own notions.
 */
final class JsValues {

  /** JavaScript's {@code undefined}: a missing property. Distinct from JSON {@code null}. */
  static final Object UNDEFINED =
      new Object() {
        @Override
        public String toString() {
          return "undefined";
        }
      };

  /** Characters JavaScript's {@code \s} and {@code trim()} treat as white space. */
  static final String WHITESPACE_CLASS =
      "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

  private JsValues() {}

  static boolean isNullish(Object value) {
    return value == null || value == UNDEFINED;
  }

  static boolean isWhitespace(char c) {
    switch (c) {
      case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
          '\u205F', '\u3000', '\uFEFF' -> {
        return true;
      }
      default -> {
        return c >= '\u2000' && c <= '\u200A';
      }
    }
  }

  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** True for values JavaScript's {@code typeof} calls "object" (null excluded). */
  static boolean isObject(Object value) {
    return value != null && value != UNDEFINED && !(value instanceof String)
        && !(value instanceof Number) && !(value instanceof Boolean) && !(value instanceof Character);
  }

  static String typeOf(Object value) {
    if (value == UNDEFINED) {
      return "undefined";
    }
    if (value == null) {
      return "object";
    }
    if (value instanceof String || value instanceof Character) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return "object";
  }

  /** JavaScript ToBoolean: {@code [] } and {@code {}} are truthy, {@code 0}, "" and NaN are not. */
  static boolean truthy(Object value) {
    if (isNullish(value)) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    return true;
  }

  /** handlebars.js Utils.isEmpty, used by #if and #with: falsy but 0, or an empty array. */
  static boolean isEmptyForHandlebars(Object value) {
    if (!truthy(value) && !(value instanceof Number n && n.doubleValue() == 0)) {
      return true;
    }
    return value instanceof List<?> list && list.isEmpty();
  }

  /** JavaScript String(value), as handlebars.js uses when appending. */
  static String toJsString(Object value) {
    if (value == null) {
      return "null";
    }
    if (value == UNDEFINED) {
      return "undefined";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number n) {
      return numberToString(n.doubleValue());
    }
    if (value instanceof Boolean || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder();
      Iterator<?> it = list.iterator();
      boolean first = true;
      while (it.hasNext()) {
        Object element = it.next();
        if (!first) {
          out.append(',');
        }
        first = false;
        if (!isNullish(element)) {
          out.append(toJsString(element));
        }
      }
      return out.toString();
    }
    if (value instanceof Map || value instanceof HelperOptions) {
      return "[object Object]";
    }
    if (value instanceof ProgramFunction) {
      return "function () { [native code] }";
    }
    return value.toString();
  }

  /** JavaScript Number.prototype.toString(): shortest round-trip digits, JS exponent rules. */
  static String numberToString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (d == 0) {
      return "0";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d < 0) {
      return "-" + numberToString(-d);
    }
    if (d < 9.007199254740992E15 && d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    BigDecimal shortest = shortestDecimal(d).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    StringBuilder out = new StringBuilder();
    if (k <= n && n <= 21) {
      out.append(digits);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }

  private static BigDecimal shortestDecimal(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      BigDecimal best = null;
      BigDecimal ulp = nearest.ulp();
      for (BigDecimal candidate :
          new BigDecimal[] {nearest, nearest.subtract(ulp), nearest.add(ulp)}) {
        if (candidate.signum() > 0 && candidate.doubleValue() == d
            && (best == null
                || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = candidate;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return exact;
  }

  /** JavaScript ToPrimitive: arrays and objects become their string form. */
  static Object toPrimitive(Object value) {
    if (isObject(value)) {
      return toJsString(value);
    }
    return value;
  }

  /** JavaScript ToNumber. */
  static double toNumber(Object value) {
    if (value == UNDEFINED) {
      return Double.NaN;
    }
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof String s) {
      return stringToNumber(s);
    }
    if (value instanceof Character c) {
      return stringToNumber(c.toString());
    }
    return toNumber(toPrimitive(value));
  }

  /** JavaScript StringToNumber (the {@code +"..."} conversion). */
  static double stringToNumber(String input) {
    String s = trim(input);
    if (s.isEmpty()) {
      return 0;
    }
    if (s.length() > 2 && s.charAt(0) == '0') {
      char kind = s.charAt(1);
      int radix = kind == 'x' || kind == 'X' ? 16 : kind == 'o' || kind == 'O' ? 8
          : kind == 'b' || kind == 'B' ? 2 : 0;
      if (radix > 0) {
        double result = 0;
        for (int i = 2; i < s.length(); i++) {
          int digit = Character.digit(s.charAt(i), radix);
          if (digit < 0 || s.charAt(i) > 'z') {
            return Double.NaN;
          }
          result = result * radix + digit;
        }
        return result;
      }
    }
    String body = s;
    boolean negative = false;
    if (body.charAt(0) == '+' || body.charAt(0) == '-') {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    if (body.equals("Infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!body.matches("(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?")) {
      return Double.NaN;
    }
    double parsed = Double.parseDouble(body);
    return negative ? -parsed : parsed;
  }

  /** JavaScript {@code ===}. */
  static boolean strictEquals(Object a, Object b) {
    if (a == b) {
      return !(a instanceof Number n && Double.isNaN(n.doubleValue()));
    }
    if (a == null || b == null || a == UNDEFINED || b == UNDEFINED) {
      return false;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (isStringLike(a) && isStringLike(b)) {
      return a.toString().equals(b.toString());
    }
    if (a instanceof Boolean && b instanceof Boolean) {
      return a.equals(b);
    }
    return false;
  }

  private static boolean isStringLike(Object value) {
    return value instanceof String || value instanceof Character;
  }

  /** JavaScript {@code ==} (IsLooselyEqual). */
  static boolean looseEquals(Object a, Object b) {
    String ta = typeOf(a);
    String tb = typeOf(b);
    if (isNullish(a) || isNullish(b)) {
      return isNullish(a) && isNullish(b);
    }
    if (ta.equals(tb)) {
      return strictEquals(a, b);
    }
    if (ta.equals("number") && tb.equals("string")) {
      return toNumber(a) == toNumber(b);
    }
    if (ta.equals("string") && tb.equals("number")) {
      return toNumber(a) == toNumber(b);
    }
    if (ta.equals("boolean")) {
      return looseEquals(toNumber(a), b);
    }
    if (tb.equals("boolean")) {
      return looseEquals(a, toNumber(b));
    }
    if ((ta.equals("string") || ta.equals("number")) && tb.equals("object")) {
      return looseEquals(a, toPrimitive(b));
    }
    if (ta.equals("object") && (tb.equals("string") || tb.equals("number"))) {
      return looseEquals(toPrimitive(a), b);
    }
    return false;
  }

  /**
   * JavaScript {@code a < b}: strings compare by UTF-16 code units, everything else as numbers.
   * Returns null where JavaScript's answer is "undefined" (a NaN was involved).
   */
  static Boolean lessThan(Object a, Object b) {
    Object pa = toPrimitive(a);
    Object pb = toPrimitive(b);
    if (isStringLike(pa) && isStringLike(pb)) {
      return pa.toString().compareTo(pb.toString()) < 0;
    }
    double x = toNumber(pa);
    double y = toNumber(pb);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return null;
    }
    return x < y;
  }

  static boolean lt(Object a, Object b) {
    return Boolean.TRUE.equals(lessThan(a, b));
  }

  static boolean gt(Object a, Object b) {
    return Boolean.TRUE.equals(lessThan(b, a));
  }

  static boolean lte(Object a, Object b) {
    return Boolean.FALSE.equals(lessThan(b, a));
  }

  static boolean gte(Object a, Object b) {
    return Boolean.FALSE.equals(lessThan(a, b));
  }

  /** JavaScript ToPropertyKey for the values a template can produce. */
  static String propertyKey(Object key) {
    return toJsString(key);
  }

  /** Index of a canonical array index string ("0", "12"), or -1. */
  static int arrayIndex(String key) {
    int len = key.length();
    if (len == 0 || len > 10) {
      return -1;
    }
    if (len > 1 && key.charAt(0) == '0') {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < len; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  /**
   * handlebars.js lookupProperty: own properties only (prototype members such as "constructor" are
   * denied), so strings and arrays expose indexes and "length", objects their keys.
   */
  static Object ownProperty(Object parent, String name) {
    if (parent instanceof Map<?, ?> map) {
      if (map.containsKey(name)) {
        return map.get(name);
      }
      return UNDEFINED;
    }
    if (parent instanceof List<?> list) {
      if (name.equals("length")) {
        return (double) list.size();
      }
      int index = arrayIndex(name);
      return index >= 0 && index < list.size() ? list.get(index) : UNDEFINED;
    }
    if (parent instanceof String s) {
      if (name.equals("length")) {
        return (double) s.length();
      }
      int index = arrayIndex(name);
      return index >= 0 && index < s.length() ? String.valueOf(s.charAt(index)) : UNDEFINED;
    }
    if (parent instanceof HelperOptions options) {
      return options.property(name);
    }
    return UNDEFINED;
  }

  /**
   * Plain JavaScript property access {@code obj[key]} as helpers written in JavaScript do it:
   * like {@link #ownProperty}, plus the few inherited members a template could reach.
   */
  static Object property(Object parent, Object key) {
    if (isNullish(parent)) {
      return UNDEFINED;
    }
    return ownProperty(parent, propertyKey(key));
  }

  /** JavaScript's {@code key in obj} for plain objects: own keys plus Object.prototype's members. */
  static boolean hasKeyOrInherited(Map<?, ?> map, String key) {
    return map.containsKey(key) || OBJECT_PROTOTYPE_MEMBERS.contains(key);
  }

  private static final java.util.Set<String> OBJECT_PROTOTYPE_MEMBERS =
      java.util.Set.of(
          "constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty",
          "__lookupGetter__", "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable",
          "toString", "valueOf", "__proto__", "toLocaleString");

  /** kind-of's "object": a plain object (not an array, not null). */
  static boolean isPlainObject(Object value) {
    return value instanceof Map || value instanceof HelperOptions;
  }

  /** handlebars-utils isOptions: a plain object whose "hash" is a plain object. */
  static boolean isOptions(Object value) {
    if (value instanceof HelperOptions) {
      return true;
    }
    return value instanceof Map<?, ?> map && isPlainObject(map.get("hash"));
  }

  /** Object.keys order: integer-like keys ascending first, then the others in insertion order. */
  static List<String> objectKeys(Map<?, ?> map) {
    List<String> indexes = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Object key : map.keySet()) {
      String name = String.valueOf(key);
      if (arrayIndex(name) >= 0) {
        indexes.add(name);
      } else {
        others.add(name);
      }
    }
    if (!indexes.isEmpty()) {
      indexes.sort((x, y) -> Integer.compare(arrayIndex(x), arrayIndex(y)));
      indexes.addAll(others);
      return indexes;
    }
    return others;
  }

  /** JavaScript Math.round. */
  static double round(double d) {
    return Math.floor(d + 0.5);
  }
}
