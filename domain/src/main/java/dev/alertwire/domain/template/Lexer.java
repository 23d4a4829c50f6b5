package dev.alertwire.domain.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into tokens the way handlebars.js 4.7's lexer does (same states, same rule
 * order, same splitting of text around escaped mustaches), because standalone-line stripping and
 * error behaviour depend on exactly those tokens.
 */
final class Lexer {

  enum Type {
    CONTENT, COMMENT, OPEN_RAW_BLOCK, CLOSE_RAW_BLOCK, END_RAW_BLOCK, OPEN_SEXPR, CLOSE_SEXPR,
    OPEN_PARTIAL, OPEN_PARTIAL_BLOCK, OPEN_BLOCK, OPEN_ENDBLOCK, INVERSE, OPEN_INVERSE,
    OPEN_INVERSE_CHAIN, OPEN_UNESCAPED, OPEN, EQUALS, ID, SEP, CLOSE_UNESCAPED, CLOSE, STRING,
    DATA, BOOLEAN, UNDEFINED, NULL, NUMBER, OPEN_BLOCK_PARAMS, CLOSE_BLOCK_PARAMS, INVALID, EOF,
    /** The lexer could not match anything here (handlebars.js: "Lexical error"). */
    LEX_ERROR
  }

  /** One token: its kind, its processed text, the raw text matched, and where it starts. */
  record Token(Type type, String text, String raw, int offset) {}

  private static final String WS = "[" + JsValues.WHITESPACE_CLASS + "]";
  private static final String LITERAL_END = "(?=[~}" + JsValues.WHITESPACE_CLASS + ")])";
  private static final String ID_END = "(?=[=~}" + JsValues.WHITESPACE_CLASS + "/.)|\\]])";

  private enum State { INITIAL, MU, EMU, COM, RAW }

  private record Rule(Pattern pattern, Type type, Action action) {}

  private enum Action { TOKEN, POP, POP_THEN_RAW, SKIP, COMMENT_START, STRING, BRACKET_ID }

  /** The "mu" (inside a mustache) rules, in the reference's order: the first that matches wins. */
  private static final List<Rule> MU_RULES =
      List.of(
          rule("\\(", Type.OPEN_SEXPR, Action.TOKEN),
          rule("\\)", Type.CLOSE_SEXPR, Action.TOKEN),
          rule("\\{\\{\\{\\{", Type.OPEN_RAW_BLOCK, Action.TOKEN),
          rule("\\}\\}\\}\\}", Type.CLOSE_RAW_BLOCK, Action.POP_THEN_RAW),
          rule("\\{\\{~?>", Type.OPEN_PARTIAL, Action.TOKEN),
          rule("\\{\\{~?#>", Type.OPEN_PARTIAL_BLOCK, Action.TOKEN),
          rule("\\{\\{~?#\\*?", Type.OPEN_BLOCK, Action.TOKEN),
          rule("\\{\\{~?/", Type.OPEN_ENDBLOCK, Action.TOKEN),
          rule("\\{\\{~?\\^" + WS + "*~?\\}\\}", Type.INVERSE, Action.POP),
          rule("\\{\\{~?" + WS + "*else" + WS + "*~?\\}\\}", Type.INVERSE, Action.POP),
          rule("\\{\\{~?\\^", Type.OPEN_INVERSE, Action.TOKEN),
          rule("\\{\\{~?" + WS + "*else(?![A-Za-z0-9_])", Type.OPEN_INVERSE_CHAIN, Action.TOKEN),
          rule("\\{\\{~?\\{", Type.OPEN_UNESCAPED, Action.TOKEN),
          rule("\\{\\{~?&", Type.OPEN, Action.TOKEN),
          rule("\\{\\{~?!--", null, Action.COMMENT_START),
          rule("\\{\\{~?![\\s\\S]*?\\}\\}", Type.COMMENT, Action.POP),
          rule("\\{\\{~?\\*?", Type.OPEN, Action.TOKEN),
          rule("=", Type.EQUALS, Action.TOKEN),
          rule("\\.\\.", Type.ID, Action.TOKEN),
          rule("\\." + ID_END, Type.ID, Action.TOKEN),
          rule("[/.]", Type.SEP, Action.TOKEN),
          rule(WS + "+", null, Action.SKIP),
          rule("\\}~?\\}\\}", Type.CLOSE_UNESCAPED, Action.POP),
          rule("~?\\}\\}", Type.CLOSE, Action.POP),
          rule("\"", Type.STRING, Action.STRING),
          rule("'", Type.STRING, Action.STRING),
          rule("@", Type.DATA, Action.TOKEN),
          rule("true" + LITERAL_END, Type.BOOLEAN, Action.TOKEN),
          rule("false" + LITERAL_END, Type.BOOLEAN, Action.TOKEN),
          rule("undefined" + LITERAL_END, Type.UNDEFINED, Action.TOKEN),
          rule("null" + LITERAL_END, Type.NULL, Action.TOKEN),
          rule("-?[0-9]+(?:\\.[0-9]+)?" + LITERAL_END, Type.NUMBER, Action.TOKEN),
          rule("as" + WS + "+\\|", Type.OPEN_BLOCK_PARAMS, Action.TOKEN),
          rule("\\|", Type.CLOSE_BLOCK_PARAMS, Action.TOKEN),
          rule("[^" + JsValues.WHITESPACE_CLASS + "!\"#%-,\\./;->@\\[-\\^`\\{-~]+" + ID_END,
              Type.ID, Action.TOKEN),
          rule("\\[", Type.ID, Action.BRACKET_ID),
          rule("[\\s\\S]", Type.INVALID, Action.TOKEN));

  private static final Pattern RAW_END =
      Pattern.compile(
          "\\{\\{\\{\\{/[^" + JsValues.WHITESPACE_CLASS + "!\"#%-,\\./;->@\\[-\\^`\\{-~]+"
              + "(?=[=}" + JsValues.WHITESPACE_CLASS + "/.])\\}\\}\\}\\}");

  private static Rule rule(String regex, Type type, Action action) {
    return new Rule(Pattern.compile(regex), type, action);
  }

  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private final List<State> states = new ArrayList<>();
  private int pos;

  private Lexer(String input) {
    this.input = input;
    states.add(State.INITIAL);
  }

  /** All tokens, ending with EOF, or with LEX_ERROR where nothing matched. */
  static List<Token> tokenize(String input) {
    Lexer lexer = new Lexer(input);
    lexer.run();
    return lexer.tokens;
  }

  private State state() {
    return states.get(states.size() - 1);
  }

  private void popState() {
    if (states.size() > 1) {
      states.remove(states.size() - 1);
    }
  }

  private void run() {
    while (true) {
      State state = state();
      boolean progressed =
          switch (state) {
            case INITIAL -> lexInitial();
            case EMU -> lexEscapedMustache();
            case COM -> lexLongComment();
            case RAW -> lexRaw();
            case MU -> lexMustache();
          };
      if (!progressed) {
        return;
      }
    }
  }

  private void add(Type type, String text, int start, int end) {
    tokens.add(new Token(type, text, input.substring(start, end), start));
  }

  private boolean fail() {
    tokens.add(new Token(Type.LEX_ERROR, "", "", pos));
    return false;
  }

  private int indexOfNul(int from, int to) {
    for (int i = from; i < to; i++) {
      if (input.charAt(i) == '\0') {
        return i;
      }
    }
    return -1;
  }

  private boolean lexInitial() {
    int len = input.length();
    int open = input.indexOf("{{", pos);
    if (open >= 0 && indexOfNul(pos, open) < 0) {
      // Text up to the next "{{"; a trailing backslash escapes the mustache, two escape the slash.
      String text = input.substring(pos, open);
      int start = pos;
      pos = open;
      if (text.endsWith("\\\\")) {
        text = text.substring(0, text.length() - 1);
        states.add(State.MU);
      } else if (text.endsWith("\\")) {
        text = text.substring(0, text.length() - 1);
        states.add(State.EMU);
      } else {
        states.add(State.MU);
      }
      if (!text.isEmpty()) {
        tokens.add(new Token(Type.CONTENT, text, input.substring(start, open), start));
      }
      return true;
    }
    if (pos >= len) {
      add(Type.EOF, "", pos, pos);
      return false;
    }
    int nul = indexOfNul(pos, len);
    int end = nul < 0 ? len : nul;
    if (end == pos) {
      return fail();
    }
    add(Type.CONTENT, input.substring(pos, end), pos, end);
    pos = end;
    return true;
  }

  private boolean lexEscapedMustache() {
    // At least two characters, up to the next mustache (escaped or not) or the end.
    int len = input.length();
    for (int end = pos + 2; end <= len; end++) {
      if (input.charAt(end - 1) == '\0') {
        break;
      }
      if (end == len || input.startsWith("{{", end) || input.startsWith("\\{{", end)
          || input.startsWith("\\\\{{", end)) {
        popState();
        add(Type.CONTENT, input.substring(pos, end), pos, end);
        pos = end;
        return true;
      }
    }
    return fail();
  }

  private boolean lexLongComment() {
    int i = pos;
    while (i < input.length()) {
      if (input.startsWith("--}}", i)) {
        return comment(i + 4);
      }
      if (input.startsWith("--~}}", i)) {
        return comment(i + 5);
      }
      i++;
    }
    return fail();
  }

  private boolean comment(int end) {
    popState();
    add(Type.COMMENT, input.substring(pos, end), pos, end);
    pos = end;
    return true;
  }

  private boolean lexRaw() {
    if (input.startsWith("{{{{", pos) && pos + 4 < input.length()
        && input.charAt(pos + 4) != '/') {
      states.add(State.RAW);
      add(Type.CONTENT, "{{{{", pos, pos + 4);
      pos += 4;
      return true;
    }
    Matcher end = RAW_END.matcher(input).region(pos, input.length());
    if (end.lookingAt()) {
      popState();
      String matched = end.group();
      if (state() == State.RAW) {
        add(Type.CONTENT, matched, pos, end.end());
      } else {
        add(Type.END_RAW_BLOCK, matched.substring(5, matched.length() - 4), pos, end.end());
      }
      pos = end.end();
      return true;
    }
    int next = input.indexOf("{{{{", pos + 1);
    if (next < 0 || indexOfNul(pos, next) >= 0) {
      return fail();
    }
    add(Type.CONTENT, input.substring(pos, next), pos, next);
    pos = next;
    return true;
  }

  private boolean lexMustache() {
    int len = input.length();
    if (pos >= len) {
      add(Type.EOF, "", pos, pos);
      return false;
    }
    for (Rule rule : MU_RULES) {
      Matcher m = rule.pattern().matcher(input).region(pos, len);
      if (!m.lookingAt()) {
        continue;
      }
      int start = pos;
      switch (rule.action()) {
        case TOKEN -> {
          add(rule.type(), m.group(), start, m.end());
          pos = m.end();
        }
        case POP -> {
          popState();
          add(rule.type(), m.group(), start, m.end());
          pos = m.end();
        }
        case POP_THEN_RAW -> {
          popState();
          states.add(State.RAW);
          add(rule.type(), m.group(), start, m.end());
          pos = m.end();
        }
        case SKIP -> pos = m.end();
        case COMMENT_START -> {
          // The reference puts the opener back and lexes the whole "{{!-- ... --}}" as one comment.
          popState();
          states.add(State.COM);
        }
        case STRING -> {
          if (!quoted(input.charAt(pos))) {
            continue;
          }
        }
        case BRACKET_ID -> {
          if (!bracketId()) {
            continue;
          }
        }
        default -> throw new IllegalStateException();
      }
      return true;
    }
    return fail();
  }

  /**
   * A quoted string: the first unescaped quote closes it; with none, the last escaped quote does
   * (that is where the reference's backtracking regex ends up).
   */
  private boolean quoted(char quote) {
    int close = closing(pos + 1, quote);
    if (close < 0) {
      return false;
    }
    String body = input.substring(pos + 1, close);
    add(Type.STRING, body.replace("\\" + quote, String.valueOf(quote)), pos, close + 1);
    pos = close + 1;
    return true;
  }

  private boolean bracketId() {
    int close = closing(pos + 1, ']');
    if (close < 0) {
      return false;
    }
    String raw = input.substring(pos, close + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == '\\' || raw.charAt(i + 1) == ']')) {
        text.append(raw.charAt(i + 1));
        i++;
      } else {
        text.append(c);
      }
    }
    add(Type.ID, text.toString(), pos, close + 1);
    pos = close + 1;
    return true;
  }

  private int closing(int from, char close) {
    int lastEscaped = -1;
    int i = from;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c == '\\' && i + 1 < input.length() && input.charAt(i + 1) == close) {
        lastEscaped = i + 1;
        i += 2;
      } else if (c == close) {
        return i;
      } else {
        i++;
      }
    }
    return lastEscaped;
  }
}
