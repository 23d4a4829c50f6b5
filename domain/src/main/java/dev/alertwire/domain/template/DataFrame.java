package dev.alertwire.domain.template;

import java.util.LinkedHashMap;

/**
 * The {@code @data} frame ({@code @root}, {@code @index}, {@code @key}, {@code @first},
 * {@code @last}). A child frame copies its parent and points to it through {@code _parent}, as in
 * handlebars.js, which is what {@code @../index} walks.
 */
final class DataFrame extends LinkedHashMap<String, Object> {

  private static final long serialVersionUID = 1L;

  static final String PARENT = "_parent";

  DataFrame() {}

  /** handlebars.js createFrame. */
  static DataFrame childOf(DataFrame parent) {
    DataFrame frame = new DataFrame();
    if (parent != null) {
      frame.putAll(parent);
    }
    frame.put(PARENT, parent == null ? JsValues.UNDEFINED : parent);
    return frame;
  }

  /** The frame {@code depth} levels up, or undefined. */
  Object up(int depth) {
    Object frame = this;
    while (depth > 0 && frame instanceof DataFrame current) {
      frame = current.getOrDefault(PARENT, JsValues.UNDEFINED);
      depth--;
    }
    return frame;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
