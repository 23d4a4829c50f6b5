package dev.alertwire.domain.template;

import dev.alertwire.domain.template.Ast.Block;
import dev.alertwire.domain.template.Ast.Comment;
import dev.alertwire.domain.template.Ast.Content;
import dev.alertwire.domain.template.Ast.Expr;
import dev.alertwire.domain.template.Ast.Hash;
import dev.alertwire.domain.template.Ast.HashPair;
import dev.alertwire.domain.template.Ast.Literal;
import dev.alertwire.domain.template.Ast.Mustache;
import dev.alertwire.domain.template.Ast.Partial;
import dev.alertwire.domain.template.Ast.PartialBlock;
import dev.alertwire.domain.template.Ast.Path;
import dev.alertwire.domain.template.Ast.Position;
import dev.alertwire.domain.template.Ast.Program;
import dev.alertwire.domain.template.Ast.Statement;
import dev.alertwire.domain.template.Ast.Strip;
import dev.alertwire.domain.template.Ast.SubExpression;
import dev.alertwire.domain.template.Lexer.Token;
import dev.alertwire.domain.template.Lexer.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the AST from the tokens, accepting exactly the language of handlebars.js 4.7's grammar
 * (a recursive-descent rendering of its LALR grammar), then applies its whitespace control.
 */
final class Parser {

  private final List<Token> tokens;
  private final int[] lineStarts;
  private int index;

  private Parser(String source) {
    this.tokens = Lexer.tokenize(source);
    this.lineStarts = lineStarts(source);
  }

  /** Parses and strips whitespace; throws TemplateException with the position on a syntax error. */
  static Program parse(String source) {
    try {
      Parser parser = new Parser(source);
      Program program = parser.parseProgram();
      parser.expect(Type.EOF);
      new WhitespaceControl().apply(program);
      return program;
    } catch (StackOverflowError e) {
      throw new TemplateException("Template is nested too deeply");
    }
  }

  // ---- positions ----

  private static int[] lineStarts(String s) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        starts.add(i + 1);
      } else if (c == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private Position position(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return new Position(lo + 1, offset - lineStarts[lo] + 1);
  }

  private Position position(Token token) {
    return position(token.offset());
  }

  // ---- token helpers ----

  private Token peek() {
    return tokens.get(Math.min(index, tokens.size() - 1));
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private boolean at(Type type) {
    return peek().type() == type;
  }

  private Token next() {
    Token token = peek();
    if (token.type() == Type.LEX_ERROR) {
      throw error(token);
    }
    index++;
    return token;
  }

  private Token expect(Type type) {
    Token token = peek();
    if (token.type() != type) {
      throw error(token);
    }
    index++;
    return token;
  }

  private TemplateException error(Token token) {
    Position at = position(token);
    String found =
        switch (token.type()) {
          case EOF -> "end of template";
          case LEX_ERROR -> "unrecognized text";
          case CONTENT -> "text";
          case STRING -> "string literal";
          case NUMBER -> "number";
          case ID -> "name";
          case INVALID -> "character '" + shorten(token.raw()) + "'";
          default -> "'" + shorten(token.raw()) + "'";
        };
    String what = token.type() == Type.LEX_ERROR ? "Lexical error: " : "Parse error: unexpected ";
    return new TemplateException(what + found, at.line(), at.column());
  }

  private static String shorten(String raw) {
    return raw.length() > 12 ? raw.substring(0, 12) + "..." : raw;
  }

  private static Strip stripFlags(String open, String close) {
    boolean o = open.length() > 2 && open.charAt(2) == '~';
    boolean c = close.length() >= 3 && close.charAt(close.length() - 3) == '~';
    return new Strip(o, c);
  }

  // ---- grammar ----

  private Program parseProgram() {
    List<Statement> body = new ArrayList<>();
    while (true) {
      Token token = peek();
      switch (token.type()) {
        case CONTENT -> {
          next();
          body.add(new Content(token.text(), position(token)));
        }
        case COMMENT -> {
          next();
          body.add(new Comment(stripFlags(token.text(), token.text()), position(token)));
        }
        case OPEN, OPEN_UNESCAPED -> body.add(mustache());
        case OPEN_BLOCK, OPEN_INVERSE -> body.add(block());
        case OPEN_RAW_BLOCK -> body.add(rawBlock());
        case OPEN_PARTIAL -> body.add(partial());
        case OPEN_PARTIAL_BLOCK -> body.add(partialBlock());
        case LEX_ERROR -> throw error(token);
        default -> {
          return new Program(body);
        }
      }
    }
  }

  private Mustache mustache() {
    Token open = next();
    Expr path = helperName();
    List<Expr> params = params();
    Hash hash = hash();
    Token close = expect(open.type() == Type.OPEN_UNESCAPED ? Type.CLOSE_UNESCAPED : Type.CLOSE);
    String text = open.text();
    char flag = text.length() > 3 ? text.charAt(3) : text.length() > 2 ? text.charAt(2) : 0;
    boolean escaped = flag != '{' && flag != '&';
    return new Mustache(path, params, hash, escaped, text.contains("*"),
        stripFlags(text, close.text()), position(open));
  }

  /** What follows the opening tag of a block: the rest of the opening tag. */
  private record OpenBlock(Token open, Expr path, List<Expr> params, Hash hash,
      List<String> blockParams, Strip strip) {}

  /** An "else" part: its strip flags and program; {@code chain} when it is an "else if". */
  private record InverseChain(Strip strip, Program program, boolean chain) {}

  private record CloseBlock(Expr path, Strip strip) {}

  private OpenBlock openBlock() {
    Token open = next();
    Expr path = helperName();
    List<Expr> params = params();
    Hash hash = hash();
    List<String> blockParams = null;
    if (at(Type.OPEN_BLOCK_PARAMS)) {
      next();
      blockParams = new ArrayList<>();
      blockParams.add(idText(expect(Type.ID).text()));
      while (at(Type.ID)) {
        blockParams.add(idText(next().text()));
      }
      expect(Type.CLOSE_BLOCK_PARAMS);
    }
    Token close = expect(Type.CLOSE);
    return new OpenBlock(open, path, params, hash, blockParams, stripFlags(open.text(), close.text()));
  }

  private Block block() {
    boolean inverted = at(Type.OPEN_INVERSE);
    OpenBlock open = openBlock();
    Program program = parseProgram();
    InverseChain inverse = null;
    if (inverted) {
      if (at(Type.INVERSE)) {
        inverse = inverseAndProgram();
      }
    } else if (at(Type.INVERSE) || at(Type.OPEN_INVERSE_CHAIN)) {
      inverse = inverseChain();
    }
    CloseBlock close = closeBlock();
    return prepareBlock(open, program, inverse, close.strip(), close.path(), inverted);
  }

  private InverseChain inverseAndProgram() {
    Token token = expect(Type.INVERSE);
    return new InverseChain(stripFlags(token.text(), token.text()), parseProgram(), false);
  }

  private InverseChain inverseChain() {
    if (at(Type.INVERSE)) {
      return inverseAndProgram();
    }
    OpenBlock open = openBlock();
    Program program = parseProgram();
    InverseChain rest = null;
    if (at(Type.INVERSE) || at(Type.OPEN_INVERSE_CHAIN)) {
      rest = inverseChain();
    }
    // Like the reference: the chained block's "close" is the next else-part.
    Block chained = prepareBlock(open, program, rest, rest == null ? null : rest.strip(), null, false);
    Program wrapper = new Program(new ArrayList<>(List.of(chained)));
    wrapper.chained = true;
    return new InverseChain(open.strip(), wrapper, true);
  }

  private CloseBlock closeBlock() {
    Token open = expect(Type.OPEN_ENDBLOCK);
    Expr path = helperName();
    Token close = expect(Type.CLOSE);
    return new CloseBlock(path, stripFlags(open.text(), close.text()));
  }

  private Block prepareBlock(OpenBlock open, Program program, InverseChain inverseAndProgram,
      Strip closeStrip, Expr closePath, boolean inverted) {
    if (closePath != null) {
      validateClose(open.path(), closePath);
    }
    boolean decorator = open.open().text().contains("*");
    program.blockParams = open.blockParams();
    Program inverse = null;
    Strip inverseStrip = null;
    if (inverseAndProgram != null) {
      if (decorator) {
        Position at = position(open.open());
        throw new TemplateException("Unexpected inverse block on decorator", at.line(), at.column());
      }
      if (inverseAndProgram.chain()) {
        ((Block) inverseAndProgram.program().body.get(0)).closeStrip = closeStrip;
      }
      inverseStrip = inverseAndProgram.strip();
      inverse = inverseAndProgram.program();
    }
    Block block = new Block(open.path(), open.params(), open.hash(), position(open.open()));
    if (inverted) {
      block.program = inverse;
      block.inverse = program;
    } else {
      block.program = program;
      block.inverse = inverse;
    }
    block.openStrip = open.strip();
    block.inverseStrip = inverseStrip;
    block.closeStrip = closeStrip;
    block.decorator = decorator;
    return block;
  }

  private Block rawBlock() {
    Token open = next();
    Expr path = helperName();
    List<Expr> params = params();
    Hash hash = hash();
    expect(Type.CLOSE_RAW_BLOCK);
    List<Statement> contents = new ArrayList<>();
    while (at(Type.CONTENT)) {
      Token content = next();
      contents.add(new Content(content.text(), position(content)));
    }
    Token end = expect(Type.END_RAW_BLOCK);
    if (!JsValues.strictEquals(originalOf(path), end.text())) {
      throw mismatch(path, end.text());
    }
    Block block = new Block(path, params, hash, position(open));
    block.program = new Program(contents);
    block.openStrip = Strip.NONE;
    block.inverseStrip = Strip.NONE;
    block.closeStrip = Strip.NONE;
    return block;
  }

  private Partial partial() {
    Token open = next();
    Expr name = partialName();
    List<Expr> params = params();
    Hash hash = hash();
    Token close = expect(Type.CLOSE);
    checkPartialArguments(params, open);
    return new Partial(name, params, hash, stripFlags(open.text(), close.text()), position(open));
  }

  private PartialBlock partialBlock() {
    Token open = next();
    Expr name = partialName();
    List<Expr> params = params();
    Hash hash = hash();
    Token close = expect(Type.CLOSE);
    checkPartialArguments(params, open);
    Program program = parseProgram();
    CloseBlock end = closeBlock();
    validateClose(name, end.path());
    return new PartialBlock(name, params, hash, program, stripFlags(open.text(), close.text()),
        end.strip(), position(open));
  }

  /** handlebars.js rejects this when compiling: a partial takes at most one context argument. */
  private void checkPartialArguments(List<Expr> params, Token open) {
    if (params.size() > 1) {
      Position at = position(open);
      throw new TemplateException("Unsupported number of partial arguments: " + params.size(),
          at.line(), at.column());
    }
  }

  private Expr partialName() {
    return at(Type.OPEN_SEXPR) ? subExpression() : helperName();
  }

  private void validateClose(Expr open, Expr close) {
    if (!JsValues.strictEquals(originalOf(open), originalOf(close))) {
      throw mismatch(open, JsValues.toJsString(originalOf(close)));
    }
  }

  private TemplateException mismatch(Expr open, String close) {
    Position at = open.position();
    return new TemplateException(
        "Block '" + JsValues.toJsString(originalOf(open)) + "' is closed by '" + close + "'",
        at.line(), at.column());
  }

  private static Object originalOf(Expr expr) {
    if (expr instanceof Path path) {
      return path.original();
    }
    if (expr instanceof Literal literal) {
      return literal.value();
    }
    return JsValues.UNDEFINED;
  }

  private List<Expr> params() {
    List<Expr> params = new ArrayList<>();
    while (true) {
      Token token = peek();
      if (token.type() == Type.ID && peek(1).type() == Type.EQUALS) {
        return params;
      }
      switch (token.type()) {
        case ID, DATA, STRING, NUMBER, BOOLEAN, UNDEFINED, NULL -> params.add(helperName());
        case OPEN_SEXPR -> params.add(subExpression());
        default -> {
          return params;
        }
      }
    }
  }

  private Hash hash() {
    if (!(at(Type.ID) && peek(1).type() == Type.EQUALS)) {
      return null;
    }
    List<HashPair> pairs = new ArrayList<>();
    while (at(Type.ID) && peek(1).type() == Type.EQUALS) {
      String key = idText(next().text());
      next();
      Expr value = at(Type.OPEN_SEXPR) ? subExpression() : paramHelperName();
      pairs.add(new HashPair(key, value));
    }
    return new Hash(pairs);
  }

  private Expr paramHelperName() {
    Token token = peek();
    return switch (token.type()) {
      case ID, DATA, STRING, NUMBER, BOOLEAN, UNDEFINED, NULL -> helperName();
      default -> throw error(token);
    };
  }

  private SubExpression subExpression() {
    Token open = expect(Type.OPEN_SEXPR);
    Expr path = helperName();
    List<Expr> params = params();
    Hash hash = hash();
    expect(Type.CLOSE_SEXPR);
    return new SubExpression(path, params, hash, position(open));
  }

  private Expr helperName() {
    Token token = peek();
    Position at = position(token);
    switch (token.type()) {
      case ID -> {
        return path(false, at);
      }
      case DATA -> {
        next();
        return path(true, at);
      }
      case STRING -> {
        next();
        return new Literal(token.text(), at);
      }
      case NUMBER -> {
        next();
        return new Literal(Double.parseDouble(token.text()), at);
      }
      case BOOLEAN -> {
        next();
        return new Literal(token.text().equals("true"), at);
      }
      case UNDEFINED -> {
        next();
        return new Literal(JsValues.UNDEFINED, at);
      }
      case NULL -> {
        next();
        return new Literal(null, at);
      }
      default -> throw error(token);
    }
  }

  /** pathSegments: ID (SEP ID)*, then the reference's preparePath rules. */
  private Path path(boolean data, Position at) {
    List<String[]> segments = new ArrayList<>();
    Token first = expect(Type.ID);
    segments.add(new String[] {idText(first.text()), first.text(), ""});
    while (at(Type.SEP)) {
      Token sep = next();
      Token id = expect(Type.ID);
      segments.add(new String[] {idText(id.text()), id.text(), sep.text()});
    }
    StringBuilder original = new StringBuilder(data ? "@" : "");
    List<String> dig = new ArrayList<>();
    int depth = 0;
    for (String[] segment : segments) {
      String part = segment[0];
      boolean literal = !segment[1].equals(part);
      original.append(segment[2]).append(part);
      if (!literal && (part.equals("..") || part.equals(".") || part.equals("this"))) {
        if (!dig.isEmpty()) {
          throw new TemplateException("Invalid path: " + original, at.line(), at.column());
        } else if (part.equals("..")) {
          depth++;
        }
      } else {
        dig.add(part);
      }
    }
    return new Path(data, depth, List.copyOf(dig), original.toString(), at);
  }

  /** "[foo bar]" names the segment "foo bar" (no line break allowed inside, as in the reference). */
  private static String idText(String token) {
    if (token.length() >= 2 && token.charAt(0) == '[' && token.charAt(token.length() - 1) == ']') {
      String inner = token.substring(1, token.length() - 1);
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
          return token;
        }
      }
      return inner;
    }
    return token;
  }
}
