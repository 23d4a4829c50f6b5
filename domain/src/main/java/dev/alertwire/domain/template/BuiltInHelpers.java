package dev.alertwire.domain.template;

import java.util.List;
import java.util.Map;

/** handlebars.js's own helpers: if, unless, each, with, lookup, log. */
final class BuiltInHelpers {

  private BuiltInHelpers() {}

  static void register(Map<String, Helper> helpers) {
    helpers.put("if", BuiltInHelpers::ifHelper);
    helpers.put("unless", BuiltInHelpers::unless);
    helpers.put("each", BuiltInHelpers::each);
    helpers.put("with", BuiltInHelpers::with);
    helpers.put("lookup", BuiltInHelpers::lookup);
    // The reference writes to the server console; output stays empty. We log nothing: the values
    // may be secrets.
    helpers.put("log", (self, params, options) -> JsValues.UNDEFINED);
  }

  private static Object ifHelper(Object self, List<Object> params, HelperOptions options) {
    if (params.size() != 1) {
      throw new TemplateException("#if requires exactly one argument");
    }
    return conditional(self, params.get(0), options.fn(), options.inverse(), options, "if");
  }

  private static Object unless(Object self, List<Object> params, HelperOptions options) {
    if (params.size() != 1) {
      throw new TemplateException("#unless requires exactly one argument");
    }
    return conditional(self, params.get(0), options.inverse(), options.fn(), options, "unless");
  }

  private static Object conditional(Object self, Object value, ProgramFunction whenTrue,
      ProgramFunction whenFalse, HelperOptions options, String name) {
    boolean includeZero = JsValues.truthy(options.hashValue("includeZero"));
    boolean negative = (!includeZero && !JsValues.truthy(value))
        || JsValues.isEmptyForHandlebars(value);
    return HelperOptions.call(negative ? whenFalse : whenTrue, self, name);
  }

  private static Object with(Object self, List<Object> params, HelperOptions options) {
    if (params.size() != 1) {
      throw new TemplateException("#with requires exactly one argument");
    }
    Object context = params.get(0);
    if (!JsValues.isEmptyForHandlebars(context)) {
      if (options.fn() == null) {
        throw new TemplateException("with must be used as a block ({{#with}}...)");
      }
      return options.fn().apply(context, options.data(), List.of(context));
    }
    return HelperOptions.call(options.inverse(), self, "with");
  }

  private static Object each(Object self, List<Object> params, HelperOptions options) {
    if (params.isEmpty()) {
      throw new TemplateException("Must pass iterator to #each");
    }
    if (params.size() > 1) {
      throw new TemplateException("#each takes exactly one argument");
    }
    Object context = params.get(0);
    ProgramFunction fn = options.fn();
    DataFrame data = DataFrame.childOf(options.data());
    StringBuilder out = new StringBuilder();
    int count = 0;
    if (context instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        iteration(out, fn, data, item, (double) i, i, i == list.size() - 1);
        count++;
      }
    } else if (context instanceof Map<?, ?> map) {
      List<String> keys = JsValues.objectKeys(map);
      for (int i = 0; i < keys.size(); i++) {
        Object item = map.get(keys.get(i));
        iteration(out, fn, data, item, keys.get(i), i, i == keys.size() - 1);
        count++;
      }
    }
    if (count == 0) {
      return HelperOptions.call(options.inverse(), self, "each");
    }
    return out.toString();
  }

  private static void iteration(StringBuilder out, ProgramFunction fn, DataFrame data, Object item,
      Object key, int index, boolean last) {
    if (fn == null) {
      throw new TemplateException("each must be used as a block ({{#each}}...)");
    }
    data.put("key", key);
    data.put("index", (double) index);
    data.put("first", index == 0);
    data.put("last", last);
    // handlebars.js: ret = ret + fn(...), ret starting as "": each body's value joins as a string.
    out.append(JsValues.toJsString(JsValues.toPrimitive(fn.apply(item, data, java.util.Arrays.asList(item, key)))));
  }

  private static Object lookup(Object self, List<Object> params, HelperOptions options) {
    Object obj = Helper.arg(params, options, 0);
    if (!JsValues.truthy(obj)) {
      return obj;
    }
    if (params.size() != 2) {
      throw new TemplateException("lookup requires an object and a field");
    }
    return JsValues.property(obj, params.get(1));
  }
}
