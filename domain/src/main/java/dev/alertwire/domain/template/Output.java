package dev.alertwire.domain.template;

/**
 * What one program (a template's body, a block's body) returns, built as handlebars.js's compiled function
 * builds it. Adjacent outputs are appended as one JavaScript {@code +} expression, left to right, and an
 * unescaped output keeps its JavaScript type ({@code x != null ? x : ""}), so {@code {{{A}}}{{{B}}}} with
 * A = B = 2 gives the number 4; content and escaped outputs are strings, and once a string joins a run, the
 * rest of the run concatenates. A block that the compiler cannot resolve at compile time ({@code {{#name}}}:
 * a simple name, no arguments, not a known helper) is emitted as a statement of its own instead
 * ({@code if (x != null) buffer += x}), which ends the run. The rule, from handlebars.js 4.7's
 * JavaScriptCompiler.mergeSource:
 * <ul>
 *   <li>a program with no such statement returns its one run, {@code a + b + c} ("" when empty);
 *   <li>otherwise the buffer starts as the first run if the program starts with one, else "", each later run
 *       is added as {@code buffer += (a + b)}, each statement as {@code buffer += x}, and the program returns
 *       {@code buffer + a + b} for a run at its end (left to right from the buffer: strings from there on).
 * </ul>
 * Tracks the number of characters produced, for the render budget.
 */
final class Output {
  private boolean statementSeen;
  private Object buffer;
  /** Before any statement: the run's value so far (null while empty); a string run grows in {@code text}. */
  private Object run;
  private StringBuilder text;
  /** After a statement: the run's parts, kept apart (a later statement sums them, the end adds them one by one). */
  private final java.util.List<Object> tail = new java.util.ArrayList<>();
  private long length;

  /** Content or an escaped output. */
  void appendString(String s) {
    add(s);
  }

  /** An unescaped output or a block's value: null and undefined append "". */
  void appendValue(Object value) {
    add(JsValues.isNullish(value) ? "" : value);
  }

  /** The statement form of an unresolvable block: ends the run, then {@code if (x != null) buffer += x}. */
  void appendStatement(Object value) {
    if (!statementSeen) {
      Object first = takeRun();
      buffer = first == null ? "" : first;
      statementSeen = true;
    } else if (!tail.isEmpty()) {
      Object sum = tail.get(0);
      for (int i = 1; i < tail.size(); i++) {
        sum = plus(sum, tail.get(i));
      }
      tail.clear();
      buffer = plus(buffer, sum);
    }
    if (!JsValues.isNullish(value)) {
      buffer = plus(buffer, value);
    }
    count(buffer);
  }

  /** The program's return value. */
  Object result() {
    if (!statementSeen) {
      Object only = takeRun();
      return only == null ? "" : only;
    }
    Object result = buffer;
    for (Object part : tail) {
      result = plus(result, part);
    }
    tail.clear();
    return result;
  }

  /** Characters produced so far, roughly (for the render budget). */
  long length() {
    return length + (text == null ? 0 : text.length());
  }

  private void add(Object value) {
    if (statementSeen) {
      tail.add(value);
      count(value);
    } else if (text != null) {
      text.append(JsValues.toJsString(JsValues.toPrimitive(value)));
    } else if (run == null) {
      if (value instanceof String s) {
        text = new StringBuilder(s);
      } else {
        run = value;
      }
    } else {
      Object sum = plus(run, value);
      if (sum instanceof String s) {
        run = null;
        text = new StringBuilder(s);
      } else {
        run = sum;
      }
    }
  }

  private void count(Object value) {
    if (value instanceof String s) {
      length += s.length();
    }
  }

  private Object takeRun() {
    Object value;
    if (text != null) {
      value = text.toString();
      length += text.length();
      text = null;
    } else {
      value = run;
    }
    run = null;
    return value;
  }

  /** JavaScript's binary {@code +}: ToPrimitive both; a string on either side concatenates, else ToNumber. */
  static Object plus(Object a, Object b) {
    Object left = JsValues.toPrimitive(a);
    Object right = JsValues.toPrimitive(b);
    if (left instanceof String || right instanceof String) {
      return JsValues.toJsString(left) + JsValues.toJsString(right);
    }
    return JsValues.toNumber(left) + JsValues.toNumber(right);
  }
}
