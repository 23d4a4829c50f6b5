package dev.alertwire.domain.template;

import java.util.List;

/**
 * A template helper, called the way handlebars.js calls one: with the current context as
 * {@code this}, the evaluated parameters, and the options object (hash, block bodies, data).
 */
@FunctionalInterface
interface Helper {

  Object apply(Object thisContext, List<Object> params, HelperOptions options);

  /**
   * The i-th JavaScript argument: a parameter, the options object right after the last parameter
   * (helpers written in JavaScript see it there), or undefined beyond.
   */
  static Object arg(List<Object> params, HelperOptions options, int i) {
    if (i < params.size()) {
      return params.get(i);
    }
    return i == params.size() ? options : JsValues.UNDEFINED;
  }

  /** JavaScript's {@code arguments.length}: the parameters plus the options object. */
  static int argc(List<Object> params) {
    return params.size() + 1;
  }
}
