package dev.alertwire.domain.template;

import java.util.List;

/** The parsed template, shaped like handlebars.js's AST so its whitespace rules carry over. */
final class Ast {

  private Ast() {}

  /** 1-based position in the template. */
  record Position(int line, int column) {}

  /** Whitespace control flags ({@code ~}) on the open and close side of a tag. */
  record Strip(boolean open, boolean close) {
    static final Strip NONE = new Strip(false, false);
  }

  interface Statement {}

  interface Expr {
    Position position();
  }

  static final class Program {
    final List<Statement> body;
    List<String> blockParams;
    boolean chained;

    Program(List<Statement> body) {
      this.body = body;
    }
  }

  static final class Content implements Statement {
    final String original;
    final Position position;
    String value;
    boolean rightStripped;
    boolean leftStripped;

    Content(String original, Position position) {
      this.original = original;
      this.value = original;
      this.position = position;
    }
  }

  record Comment(Strip strip, Position position) implements Statement {}

  record Hash(List<HashPair> pairs) {}

  record HashPair(String key, Expr value) {}

  static final class Mustache implements Statement {
    Expr path;
    final List<Expr> params;
    final Hash hash;
    final boolean escaped;
    final boolean decorator;
    final Strip strip;
    final Position position;

    Mustache(Expr path, List<Expr> params, Hash hash, boolean escaped, boolean decorator,
        Strip strip, Position position) {
      this.path = path;
      this.params = params;
      this.hash = hash;
      this.escaped = escaped;
      this.decorator = decorator;
      this.strip = strip;
      this.position = position;
    }
  }

  static final class Block implements Statement {
    Expr path;
    final List<Expr> params;
    final Hash hash;
    Program program;
    Program inverse;
    Strip openStrip;
    Strip inverseStrip;
    Strip closeStrip;
    boolean decorator;
    final Position position;

    Block(Expr path, List<Expr> params, Hash hash, Position position) {
      this.path = path;
      this.params = params;
      this.hash = hash;
      this.position = position;
    }
  }

  static final class Partial implements Statement {
    final Expr name;
    final List<Expr> params;
    final Hash hash;
    final Strip strip;
    final Position position;
    String indent = "";

    Partial(Expr name, List<Expr> params, Hash hash, Strip strip, Position position) {
      this.name = name;
      this.params = params;
      this.hash = hash;
      this.strip = strip;
      this.position = position;
    }
  }

  static final class PartialBlock implements Statement {
    final Expr name;
    final List<Expr> params;
    final Hash hash;
    final Program program;
    final Strip openStrip;
    final Strip closeStrip;
    final Position position;

    PartialBlock(Expr name, List<Expr> params, Hash hash, Program program, Strip openStrip,
        Strip closeStrip, Position position) {
      this.name = name;
      this.params = params;
      this.hash = hash;
      this.program = program;
      this.openStrip = openStrip;
      this.closeStrip = closeStrip;
      this.position = position;
    }
  }

  /** A path such as {@code foo.bar}, {@code ../x}, {@code @index}. */
  record Path(boolean data, int depth, List<String> parts, String original, Position position)
      implements Expr {}

  record SubExpression(Expr path, List<Expr> params, Hash hash, Position position)
      implements Expr {}

  /**
   * A literal: string, number (as Double), boolean, null or undefined. {@code original} is what
   * handlebars.js keeps as the node's original (used when a literal stands where a name goes).
   */
  record Literal(Object value, Position position) implements Expr {
    String originalText() {
      return JsValues.toJsString(value);
    }
  }
}
