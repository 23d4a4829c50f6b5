package dev.alertwire.domain.template;

import java.util.Map;

/**
 * The options object a helper receives: its name, hash arguments, the block bodies ({@code fn} and
 * {@code inverse}, absent when called as a plain mustache) and the data frame.
 */
final class HelperOptions {

  private final String name;
  private final Map<String, Object> hash;
  private final ProgramFunction fn;
  private final ProgramFunction inverse;
  private final DataFrame data;
  private final boolean[] literalParams;

  HelperOptions(String name, Map<String, Object> hash, ProgramFunction fn, ProgramFunction inverse,
      DataFrame data, boolean[] literalParams) {
    this.name = name;
    this.hash = hash;
    this.fn = fn;
    this.inverse = inverse;
    this.data = data;
    this.literalParams = literalParams;
  }

  String name() {
    return name;
  }

  Map<String, Object> hash() {
    return hash;
  }

  Object hashValue(String key) {
    return hash.containsKey(key) ? hash.get(key) : JsValues.UNDEFINED;
  }

  /** The block body, or null when the helper was not called as a block. */
  ProgramFunction fn() {
    return fn;
  }

  /** The else body, or null when the helper was not called as a block. */
  ProgramFunction inverse() {
    return inverse;
  }

  DataFrame data() {
    return data;
  }

  /** handlebars-utils isBlock: both bodies are callable. */
  boolean isBlock() {
    return fn != null && inverse != null;
  }

  /**
   * Whether the i-th parameter was written literally in the template (so it is safe to quote in an
   * error message; values from the context may be secrets).
   */
  boolean isLiteralParam(int i) {
    return literalParams != null && i >= 0 && i < literalParams.length && literalParams[i];
  }

  /** Member access as JavaScript helpers would see it on the options object. */
  Object property(String key) {
    return switch (key) {
      case "name" -> name;
      case "hash" -> hash;
      case "data" -> data;
      case "fn" -> fn == null ? JsValues.UNDEFINED : fn;
      case "inverse" -> inverse == null ? JsValues.UNDEFINED : inverse;
      default -> JsValues.UNDEFINED;
    };
  }

  /** Calls a body that JavaScript would call; a missing one is a TypeError there. */
  static Object call(ProgramFunction body, Object context, String what) {
    if (body == null) {
      throw new TemplateException(what + " must be used as a block ({{#" + what + "}}...)");
    }
    return body.apply(context);
  }
}
