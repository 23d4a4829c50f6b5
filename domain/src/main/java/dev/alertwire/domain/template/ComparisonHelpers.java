package dev.alertwire.domain.template;

import static dev.alertwire.domain.template.Helper.arg;
import static dev.alertwire.domain.template.Helper.argc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The "comparison" helpers of handlebars-helpers as the reference registers them (and, or, not,
 * eq, is, compare, contains, has, ...). Each follows the JavaScript original's argument juggling,
 * including where it uses {@code ==} versus {@code ===}. There is no "ne".
 */
final class ComparisonHelpers {

  /** Strings isFalsey treats as false (case-insensitive). */
  private static final Set<String> FALSEY =
      Set.of("0", "false", "nada", "nil", "nay", "nah", "negative", "no", "none", "nope", "nul",
          "null", "nix", "nyet", "uh-uh", "veto", "zero");

  private ComparisonHelpers() {}

  static void register(Map<String, Helper> helpers) {
    helpers.put("and", (self, params, options) -> {
      boolean all = params.stream().allMatch(JsValues::truthy);
      return value(all, self, options);
    });
    helpers.put("or", (self, params, options) -> {
      boolean any = params.stream().anyMatch(JsValues::truthy);
      return value(any, self, options);
    });
    helpers.put("compare", ComparisonHelpers::compare);
    helpers.put("contains", ComparisonHelpers::contains);
    helpers.put("default", (self, params, options) -> {
      for (Object param : params) {
        if (!JsValues.isNullish(param)) {
          return param;
        }
      }
      return "";
    });
    helpers.put("eq", withCompareHash(JsValues::strictEquals));
    helpers.put("gt", withCompareHash(JsValues::gt));
    helpers.put("gte", withCompareHash(JsValues::gte));
    helpers.put("lt", withCompareHash(JsValues::lt));
    helpers.put("lte", withCompareHash(JsValues::lte));
    helpers.put("is", withCompareHash(JsValues::looseEquals));
    helpers.put("isnt", withCompareHash((a, b) -> !JsValues.looseEquals(a, b)));
    helpers.put("has", ComparisonHelpers::has);
    helpers.put("isFalsey", (self, params, options) ->
        value(isFalsey(arg(params, options, 0)), self, arg(params, options, 1)));
    helpers.put("isTruthy", (self, params, options) ->
        value(!isFalsey(arg(params, options, 0)), self, arg(params, options, 1)));
    helpers.put("ifEven", (self, params, options) ->
        value(isEven(arg(params, options, 0)), self, arg(params, options, 1)));
    helpers.put("ifOdd", (self, params, options) ->
        value(!isEven(arg(params, options, 0)), self, arg(params, options, 1)));
    helpers.put("ifNth", (self, params, options) -> {
      Object n = arg(params, options, 0);
      Object e = arg(params, options, 1);
      boolean nth = isNumber(n) && isNumber(e)
          && JsValues.toNumber(e) % JsValues.toNumber(n) == 0;
      return value(nth, self, arg(params, options, 2));
    });
    helpers.put("neither", (self, params, options) ->
        value(!JsValues.truthy(arg(params, options, 0)) && !JsValues.truthy(arg(params, options, 1)),
            self, arg(params, options, 2)));
    helpers.put("not", (self, params, options) ->
        value(!JsValues.truthy(arg(params, options, 0)), self, arg(params, options, 1)));
    helpers.put("unlessEq", unlessHelper((a, b) -> !JsValues.strictEquals(a, b)));
    helpers.put("unlessGt", unlessHelper(JsValues::lte));
    helpers.put("unlessLt", unlessHelper(JsValues::gte));
    helpers.put("unlessGteq", unlessHelper(JsValues::lt));
    helpers.put("unlessLteq", unlessHelper(JsValues::gt));
  }

  // ---- handlebars-utils ----

  /** handlebars-utils value(): in a block, render fn or inverse by truthiness; else the value. */
  static Object value(Object val, Object context, Object options) {
    if (JsValues.isOptions(val)) {
      return value(null, val, options);
    }
    if (JsValues.isOptions(context)) {
      return value(val, Map.of(), context);
    }
    if (options instanceof HelperOptions o && o.isBlock()) {
      return JsValues.truthy(val) ? o.fn().apply(context) : o.inverse().apply(context);
    }
    return val;
  }

  /** handlebars-utils fn(): the block body, or the value outside a block. */
  private static Object fn(Object val, Object context, Object options) {
    if (JsValues.isOptions(val)) {
      return fn("", val, options);
    }
    if (JsValues.isOptions(context)) {
      return fn(val, Map.of(), context);
    }
    return options instanceof HelperOptions o && o.isBlock() ? o.fn().apply(context) : val;
  }

  /** handlebars-utils inverse(): the else body, or the value outside a block. */
  private static Object inverse(Object val, Object context, Object options) {
    if (JsValues.isOptions(val)) {
      return "";
    }
    if (JsValues.isOptions(context)) {
      return inverse(val, Map.of(), context);
    }
    return options instanceof HelperOptions o && o.isBlock() ? o.inverse().apply(context) : val;
  }

  /** handlebars-helpers isNumber: a finite number, or a non-blank numeric string. */
  static boolean isNumber(Object n) {
    if (n instanceof Number number) {
      double d = number.doubleValue();
      return d - d == 0;
    }
    if (n instanceof String s && !JsValues.trim(s).isEmpty()) {
      return Double.isFinite(JsValues.stringToNumber(s));
    }
    return false;
  }

  /** The options' hash.compare, as the JavaScript reads {@code r.hash.compare}. */
  private static Object hashCompare(Object options) {
    if (options instanceof HelperOptions o) {
      return o.hashValue("compare");
    }
    return JsValues.property(JsValues.property(options, "hash"), "compare");
  }

  /** eq, gt, is, ...: with one argument, compares against the {@code compare=} hash value. */
  private static Helper withCompareHash(BiPredicate<Object, Object> test) {
    return (self, params, options) -> {
      Object a = arg(params, options, 0);
      Object b = arg(params, options, 1);
      Object opts = arg(params, options, 2);
      if (argc(params) == 2) {
        opts = b;
        b = hashCompare(opts);
      }
      return value(test.test(a, b), self, opts);
    };
  }

  /** unlessEq, unlessGt, ...: same juggling, but keyed on whether the 2nd argument is options. */
  private static Helper unlessHelper(BiPredicate<Object, Object> test) {
    return (self, params, options) -> {
      Object a = arg(params, options, 0);
      Object b = arg(params, options, 1);
      Object opts = arg(params, options, 2);
      if (JsValues.isOptions(b)) {
        opts = b;
        b = hashCompare(opts);
      }
      return value(test.test(a, b), self, opts);
    };
  }

  private static Object compare(Object self, List<Object> params, HelperOptions options) {
    if (argc(params) < 4) {
      throw new TemplateException("handlebars Helper {{compare}} expects 4 arguments");
    }
    Object a = params.get(0);
    Object operator = params.get(1);
    Object b = params.get(2);
    boolean result;
    String op = operator instanceof String s ? s : null;
    if (op == null) {
      op = "";
    }
    switch (op) {
      case "==" -> result = JsValues.looseEquals(a, b);
      case "===" -> result = JsValues.strictEquals(a, b);
      case "!=" -> result = !JsValues.looseEquals(a, b);
      case "!==" -> result = !JsValues.strictEquals(a, b);
      case "<" -> result = JsValues.lt(a, b);
      case ">" -> result = JsValues.gt(a, b);
      case "<=" -> result = JsValues.lte(a, b);
      case ">=" -> result = JsValues.gte(a, b);
      case "typeof" -> result = JsValues.strictEquals(JsValues.typeOf(a), b);
      default -> {
        String shown = options.isLiteralParam(1)
            ? "`" + JsValues.toJsString(operator) + "`" : "(given by a variable)";
        throw new TemplateException("helper {{compare}}: invalid operator: " + shown);
      }
    }
    return value(result, self, arg(params, options, 3));
  }

  private static Object contains(Object self, List<Object> params, HelperOptions options) {
    Object collection = arg(params, options, 0);
    Object item = arg(params, options, 1);
    Object from = arg(params, options, 2);
    Object opts = arg(params, options, 3);
    if (JsValues.typeOf(from).equals("object")) {
      opts = from;
      from = JsValues.UNDEFINED;
    }
    return value(containsItem(collection, item, from), self, opts);
  }

  /** handlebars-helpers utils.contains: indexOf on a string or array, from an optional index. */
  private static boolean containsItem(Object collection, Object item, Object from) {
    if (JsValues.isNullish(collection) || JsValues.isNullish(item)) {
      return false;
    }
    if (!isNumber(JsValues.property(collection, "length"))) {
      return false;
    }
    double start = JsValues.toNumber(from);
    start = Double.isNaN(start) ? 0 : start < 0 ? Math.ceil(start) : Math.floor(start);
    if (collection instanceof String s) {
      int pos = (int) Math.max(0, Math.min(start, s.length()));
      return s.indexOf(JsValues.toJsString(item), pos) != -1;
    }
    if (collection instanceof List<?> list) {
      int len = list.size();
      if (start >= len) {
        return false;
      }
      int k = (int) (start >= 0 ? start : Math.max(len + start, 0));
      for (int i = k; i < len; i++) {
        if (JsValues.strictEquals(list.get(i), item)) {
          return true;
        }
      }
      return false;
    }
    throw new TemplateException("contains: the value has no indexOf");
  }

  private static Object has(Object self, List<Object> params, HelperOptions options) {
    int argc = argc(params);
    Object value = arg(params, options, 0);
    Object pattern = arg(params, options, 1);
    Object opts = arg(params, options, 2);
    boolean valueIsNull = false;
    if (JsValues.isOptions(value)) {
      opts = value;
      pattern = null;
      value = null;
      valueIsNull = true;
    }
    if (JsValues.isOptions(pattern)) {
      opts = pattern;
      pattern = null;
    }
    if (valueIsNull || value == null) {
      return value(false, self, opts);
    }
    if (argc == 2) {
      return value(hasPath(self, value), self, opts);
    }
    boolean patternIsString = pattern instanceof String s && !s.isEmpty();
    if (patternIsString && value instanceof String s && s.contains((String) pattern)) {
      return fn(true, self, opts);
    }
    if (patternIsString && value instanceof List<?> list) {
      for (Object element : list) {
        if (JsValues.strictEquals(element, pattern)) {
          return fn(true, self, opts);
        }
      }
    }
    if (patternIsString && value instanceof Map<?, ?> map
        && JsValues.hasKeyOrInherited(map, (String) pattern)) {
      return fn(true, self, opts);
    }
    return inverse(false, self, opts);
  }

  /** has-value on a dotted path of the current context: non-empty string/array/object, any other. */
  private static boolean hasPath(Object context, Object path) {
    if (!JsValues.isObject(context)) {
      return false;
    }
    List<?> keys;
    if (path instanceof String s) {
      keys = List.of(s.split("\\.", -1));
    } else if (path instanceof List<?> list) {
      keys = list;
    } else {
      return false;
    }
    Object current = context;
    for (Object key : keys) {
      if (JsValues.isNullish(current)) {
        return false;
      }
      current = JsValues.property(current, key);
    }
    if (JsValues.isNullish(current)) {
      return false;
    }
    if (current instanceof String s) {
      return !s.isEmpty();
    }
    if (current instanceof List<?> list) {
      return !list.isEmpty();
    }
    if (current instanceof Map<?, ?> map) {
      return !map.isEmpty();
    }
    return true;
  }

  private static boolean isFalsey(Object value) {
    if (!JsValues.truthy(value)) {
      return true;
    }
    if (value instanceof String s) {
      return FALSEY.contains(s) || FALSEY.contains(s.toLowerCase(Locale.ROOT));
    }
    return false;
  }

  /** handlebars-helpers isEven (via Math.abs): errors for non-numbers and non-integers. */
  private static boolean isEven(Object value) {
    double n = Math.abs(JsValues.toNumber(value));
    if (!(n - n == 0)) {
      throw new TemplateException("expected a number");
    }
    if (n != Math.floor(n)) {
      throw new TemplateException("expected an integer");
    }
    return n % 2 == 0;
  }
}
