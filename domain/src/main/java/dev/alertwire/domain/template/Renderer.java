package dev.alertwire.domain.template;

import dev.alertwire.domain.template.Ast.Block;
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
import dev.alertwire.domain.template.Ast.SubExpression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a parsed template with handlebars.js 4.7's runtime semantics: how a name is resolved (helper
 * first, then the context), when a missing helper is an error, block-helper-missing behaviour for
 * sections, {@code ../} depths, data frames and block parameters. One instance per render.
 */
final class Renderer {

  /** Helpers handlebars.js resolves at compile time; they are never looked up in the context. */
  private static final Set<String> KNOWN_HELPERS =
      Set.of("helperMissing", "blockHelperMissing", "each", "if", "unless", "with", "log", "lookup");

  /** handlebars.js nullContext: "this" for helpers when the context is null. */
  static final Map<String, Object> NULL_CONTEXT = Collections.unmodifiableMap(new HashMap<>());

  /** Deep enough for any real template; stops runaway recursive partials. */
  private static final int MAX_NESTING = 400;

  /** The contexts {@code ../} walks, innermost first. */
  record Depths(Object head, Depths tail) {
    Object get(int i) {
      Depths d = this;
      while (i-- > 0 && d != null) {
        d = d.tail;
      }
      return d == null ? JsValues.UNDEFINED : d.head;
    }
  }

  /** Block parameters declared by one program ({@code as |x i|}) and the values given to it. */
  record BlockParamFrame(List<String> names, List<Object> values, BlockParamFrame parent) {}

  /** Where a program runs. */
  record Scope(Object context, DataFrame data, Depths depths, BlockParamFrame frame,
      Map<String, ProgramFunction> partials) {}

  private final Map<String, Helper> helpers;
  private final RenderBudget budget;
  private int nesting;

  Renderer(Map<String, Helper> helpers, RenderBudget budget) {
    this.helpers = helpers;
    this.budget = budget;
  }

  String renderMain(Program program, Object context) {
    DataFrame data = new DataFrame();
    data.put("root", context);
    Scope scope = new Scope(context, data, new Depths(context, null), null, Map.of());
    return JsValues.toJsString(renderProgram(program, scope));
  }

  /** handlebars.js wrapProgram: a body called by a helper. */
  Object invoke(Program program, Scope parent, Object context, DataFrame data,
      List<Object> blockParams) {
    Depths depths = parent.depths();
    if (depths != null && !JsValues.looseEquals(context, depths.head())
        && !(context == NULL_CONTEXT && depths.head() == null)) {
      depths = new Depths(context, depths);
    }
    BlockParamFrame frame = new BlockParamFrame(program.blockParams, blockParams, parent.frame());
    Scope scope = new Scope(context, data != null ? data : parent.data(), depths, frame,
        parent.partials());
    return renderProgram(program, scope);
  }

  /** The program's value, as its compiled function returns it (see {@link Output}): a string, or not. */
  private Object renderProgram(Program program, Scope scope) {
    if (++nesting > MAX_NESTING) {
      throw new TemplateException("Template nesting is too deep (recursive partial?)");
    }
    try {
      step();
      scope = withInlinePartials(program, scope);
      Output out = new Output();
      for (Statement statement : program.body) {
        render(statement, scope, out);
        checkOutput(out.length());
      }
      Object result = out.result();
      budget.produced(out.length());
      checkOutput(0);
      return result;
    } finally {
      nesting--;
    }
  }

  private void step() {
    budget.step();
  }

  private void checkOutput(long pending) {
    budget.checkOutput(pending);
  }

  private void render(Statement statement, Scope scope, Output out) {
    step();
    if (statement instanceof Content content) {
      if (!content.value.isEmpty()) {
        out.appendString(content.value);
      }
      return;
    }
    Position at = positionOf(statement);
    try {
      if (statement instanceof Mustache mustache) {
        renderMustache(mustache, scope, out);
      } else if (statement instanceof Block block) {
        if (!block.decorator) {
          Object value = call(block.path, block.params, block.hash, scope,
              function(block.program, scope), function(block.inverse, scope), false);
          if (kind(asPath(block.path), block.params, block.hash, scope, false) == Kind.AMBIGUOUS) {
            out.appendStatement(value);
          } else {
            out.appendValue(value);
          }
        }
      } else if (statement instanceof Partial partial) {
        renderPartial(partial.name, partial.params, partial.hash, partial.indent, null, scope, out);
      } else if (statement instanceof PartialBlock partialBlock) {
        renderPartial(partialBlock.name, partialBlock.params, partialBlock.hash, "",
            function(partialBlock.program, scope), scope, out);
      }
    } catch (TemplateException e) {
      throw at == null ? e : e.at(at.line(), at.column());
    } catch (StackOverflowError e) {
      throw new TemplateException("Template nesting is too deep", at.line(), at.column());
    }
  }

  private static Position positionOf(Statement statement) {
    if (statement instanceof Mustache m) {
      return m.position;
    }
    if (statement instanceof Block b) {
      return b.position;
    }
    if (statement instanceof Partial p) {
      return p.position;
    }
    if (statement instanceof PartialBlock p) {
      return p.position;
    }
    return null;
  }

  private void renderMustache(Mustache mustache, Scope scope, Output out) {
    if (mustache.decorator) {
      String name = mustache.path instanceof Path p ? p.original() : "";
      if (!name.equals("inline")) {
        throw new TemplateException("Missing decorator: \"" + name + "\"");
      }
      return;
    }
    Object value = call(mustache.path, mustache.params, mustache.hash, scope, null, null, false);
    if (mustache.escaped) {
      out.appendString(escapeExpression(value));
    } else {
      out.appendValue(value);
    }
  }

  private ProgramFunction function(Program program, Scope scope) {
    return program == null ? null : new ProgramFunction(this, program, scope);
  }

  // ---- calls ----

  private enum Kind { HELPER, AMBIGUOUS, SIMPLE }

  private static Path asPath(Expr expr) {
    if (expr instanceof Literal literal) {
      // handlebars.js transformLiteralToPath: {{"name" x}} calls helper "name".
      String text = literal.originalText();
      return new Path(false, 0, List.of(text), text, literal.position());
    }
    return (Path) expr;
  }

  private static boolean scoped(Path path) {
    return scoped(path.original());
  }

  /**
   * handlebars.js scopedId, {@code /^\.|this\b/.test(original)}, without a regular expression: it runs for
   * every mustache rendered, and the regex search over long variable names was half of a render's time.
   */
  static boolean scoped(String original) {
    if (original.startsWith(".")) {
      return true;
    }
    for (int i = original.indexOf("this"); i >= 0; i = original.indexOf("this", i + 1)) {
      int after = i + 4;
      if (after == original.length() || !wordChar(original.charAt(after))) {
        return true;
      }
    }
    return false;
  }

  private static boolean wordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean simpleId(Path path) {
    return path.parts().size() == 1 && !scoped(path) && path.depth() == 0;
  }

  /**
   * A mustache, block or sub-expression: decides like handlebars.js's compiler whether this is a
   * helper call, a name that may be a helper or a value ("ambiguous"), or a plain value lookup.
   */
  private Object call(Expr pathExpr, List<Expr> paramExprs, Hash hashExpr, Scope scope,
      ProgramFunction program, ProgramFunction inverse, boolean subExpression) {
    Path path = asPath(pathExpr);
    boolean block = program != null || inverse != null;
    if (block) {
      program = program == null ? ProgramFunction.NOOP : program;
      inverse = inverse == null ? ProgramFunction.NOOP : inverse;
    }
    boolean simple = simpleId(path);
    String name = path.parts().isEmpty() ? null : path.parts().get(0);
    Kind kind = kind(path, paramExprs, hashExpr, scope, subExpression);
    Object thisContext = JsValues.isNullish(scope.context()) ? NULL_CONTEXT : scope.context();

    switch (kind) {
      case HELPER -> {
        List<Object> params = new ArrayList<>(paramExprs.size());
        boolean[] literal = new boolean[paramExprs.size()];
        for (int i = 0; i < paramExprs.size(); i++) {
          Expr param = paramExprs.get(i);
          literal[i] = param instanceof Literal;
          params.add(evaluate(param, scope));
        }
        Map<String, Object> hash = evaluateHash(hashExpr, scope);
        Helper helper;
        String helperName;
        if (KNOWN_HELPERS.contains(name)) {
          helperName = name;
          helper = helpers.get(name);
          if (helper == null) {
            throw new TemplateException("Helper \"" + name + "\" is not available");
          }
        } else {
          helperName = path.original();
          Object nonHelper = lookup(path, scope, true);
          helper = simple ? helpers.get(path.original()) : null;
          if (helper == null) {
            if (JsValues.truthy(nonHelper)) {
              throw new TemplateException("\"" + path.original() + "\" is not a helper");
            }
            throw new TemplateException("Missing helper: \"" + path.original() + "\"");
          }
        }
        HelperOptions options =
            new HelperOptions(helperName, hash, program, inverse, scope.data(), literal);
        return helper.apply(thisContext, params, options);
      }
      case AMBIGUOUS -> {
        Object value = lookup(path, scope, false);
        Helper helper = helpers.get(name);
        HelperOptions options = new HelperOptions(name, new LinkedHashMap<>(), program, inverse,
            scope.data(), new boolean[0]);
        Object result;
        if (helper != null) {
          result = helper.apply(thisContext, List.of(), options);
        } else if (!JsValues.isNullish(value)) {
          result = value;
        } else {
          result = JsValues.UNDEFINED;
        }
        if (block && helper == null) {
          result = blockHelperMissing(scope.context(), result, options);
        }
        return result;
      }
      default -> {
        Object value = lookup(path, scope, false);
        if (block) {
          HelperOptions options = new HelperOptions(path.original(), new LinkedHashMap<>(),
              program, inverse, scope.data(), new boolean[0]);
          return blockHelperMissing(scope.context(), value, options);
        }
        return value;
      }
    }
  }

  /** handlebars.js's classifySexpr. */
  private Kind kind(Path path, List<Expr> paramExprs, Hash hashExpr, Scope scope, boolean subExpression) {
    boolean simple = simpleId(path);
    String name = path.parts().isEmpty() ? null : path.parts().get(0);
    boolean isBlockParam = simple && findBlockParam(scope.frame(), name) != null;
    boolean isHelper = !isBlockParam
        && (subExpression || !paramExprs.isEmpty() || hashExpr != null);
    boolean eligible = !isBlockParam && (isHelper || simple);
    if (eligible && !isHelper && KNOWN_HELPERS.contains(name)) {
      isHelper = true;
    }
    return isHelper ? Kind.HELPER : eligible ? Kind.AMBIGUOUS : Kind.SIMPLE;
  }

  /** handlebars.js blockHelperMissing: a section over a value that is not a helper. */
  private Object blockHelperMissing(Object thisContext, Object context, HelperOptions options) {
    if (Boolean.TRUE.equals(context)) {
      return options.fn().apply(thisContext);
    }
    if (Boolean.FALSE.equals(context) || JsValues.isNullish(context)) {
      return options.inverse().apply(thisContext);
    }
    if (context instanceof List<?> list) {
      if (!list.isEmpty()) {
        return helpers.get("each").apply(helpers, List.of(context), options);
      }
      return options.inverse().apply(thisContext);
    }
    return options.fn().apply(context);
  }

  private Map<String, Object> evaluateHash(Hash hash, Scope scope) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (hash != null) {
      for (HashPair pair : hash.pairs()) {
        Object value = evaluate(pair.value(), scope);
        values.putIfAbsent(pair.key(), value);
      }
    }
    return values;
  }

  private Object evaluate(Expr expr, Scope scope) {
    if (expr instanceof Literal literal) {
      return literal.value();
    }
    if (expr instanceof SubExpression sub) {
      return call(sub.path(), sub.params(), sub.hash(), scope, null, null, true);
    }
    return lookup((Path) expr, scope, false);
  }

  private record BlockParamRef(BlockParamFrame frame, int index) {}

  private static BlockParamRef findBlockParam(BlockParamFrame frame, String name) {
    if (name == null) {
      return null;
    }
    for (BlockParamFrame f = frame; f != null; f = f.parent()) {
      if (f.names() != null) {
        int index = f.names().indexOf(name);
        if (index >= 0) {
          return new BlockParamRef(f, index);
        }
      }
    }
    return null;
  }

  /**
   * Resolves a path. {@code falsy} is handlebars.js's lookup mode for helper names and data, where a
   * falsy intermediate value stops the walk (and is the result).
   */
  private Object lookup(Path path, Scope scope, boolean falsy) {
    List<String> parts = path.parts();
    String name = parts.isEmpty() ? null : parts.get(0);
    if (path.depth() == 0 && !scoped(path)) {
      BlockParamRef ref = findBlockParam(scope.frame(), name);
      if (ref != null) {
        List<Object> values = ref.frame().values();
        if (values == null) {
          throw new TemplateException(
              "Block parameter \"" + name + "\" was not provided by the block's helper");
        }
        Object value = ref.index() < values.size() ? values.get(ref.index()) : JsValues.UNDEFINED;
        return resolve(value, parts, 1, false);
      }
    }
    if (name == null) {
      return contextAt(scope, path.depth());
    }
    if (path.data()) {
      Object data = scope.data() == null ? JsValues.UNDEFINED : scope.data().up(path.depth());
      return resolve(data, parts, 0, true);
    }
    return resolve(contextAt(scope, path.depth()), parts, 0, falsy);
  }

  private static Object contextAt(Scope scope, int depth) {
    if (depth == 0) {
      return scope.context();
    }
    return scope.depths() == null ? JsValues.UNDEFINED : scope.depths().get(depth);
  }

  private static Object resolve(Object current, List<String> parts, int start, boolean falsy) {
    for (int i = start; i < parts.size(); i++) {
      if (falsy ? !JsValues.truthy(current) : JsValues.isNullish(current)) {
        return current;
      }
      current = JsValues.ownProperty(current, parts.get(i));
    }
    return current;
  }

  // ---- output ----

  private static final String[] ESCAPES = new String[128];

  static {
    ESCAPES['&'] = "&amp;";
    ESCAPES['<'] = "&lt;";
    ESCAPES['>'] = "&gt;";
    ESCAPES['"'] = "&quot;";
    ESCAPES['\''] = "&#x27;";
    ESCAPES['`'] = "&#x60;";
    ESCAPES['='] = "&#x3D;";
  }

  /** handlebars.js escapeExpression. */
  static String escapeExpression(Object value) {
    if (!(value instanceof String)) {
      if (value instanceof Map<?, ?> map && JsValues.truthy(
          map.containsKey("toHTML") ? map.get("toHTML") : JsValues.UNDEFINED)) {
        throw new TemplateException("Value has a \"toHTML\" member that is not a function");
      }
      if (JsValues.isNullish(value)) {
        return "";
      }
      if (!JsValues.truthy(value)) {
        return JsValues.toJsString(value);
      }
    }
    String s = JsValues.toJsString(value);
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape = c < 128 ? ESCAPES[c] : null;
      if (escape != null) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16);
          out.append(s, 0, i);
        }
        out.append(escape);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  // ---- partials ----

  /** Registers {{#*inline "name"}} partials declared in this program, for its whole body. */
  private Scope withInlinePartials(Program program, Scope scope) {
    Map<String, ProgramFunction> partials = null;
    for (Statement statement : program.body) {
      if (statement instanceof Block block && block.decorator) {
        String name = block.path instanceof Path p ? p.original() : asPath(block.path).original();
        if (!name.equals("inline")) {
          Position at = block.position;
          throw new TemplateException("Missing decorator: \"" + name + "\"", at.line(), at.column());
        }
        if (partials == null) {
          partials = new HashMap<>(scope.partials());
        }
        Object partialName = block.params.isEmpty()
            ? JsValues.UNDEFINED : evaluate(block.params.get(0), scope);
        partials.put(JsValues.toJsString(partialName), function(block.program, scope));
      }
    }
    if (partials == null) {
      return scope;
    }
    return new Scope(scope.context(), scope.data(), scope.depths(), scope.frame(),
        Map.copyOf(partials));
  }

  private void renderPartial(Expr nameExpr, List<Expr> params, Hash hashExpr, String indent,
      ProgramFunction partialBlock, Scope scope, Output out) {
    if (params.size() > 1) {
      throw new TemplateException("Unsupported number of partial arguments: " + params.size());
    }
    String name;
    if (nameExpr instanceof SubExpression sub) {
      name = JsValues.toJsString(evaluate(sub, scope));
    } else if (nameExpr instanceof Literal literal) {
      name = literal.originalText();
    } else {
      name = ((Path) nameExpr).original();
    }
    Object context = params.isEmpty() ? scope.context() : evaluate(params.get(0), scope);
    Map<String, Object> hash = evaluateHash(hashExpr, scope);
    if (hashExpr != null) {
      Map<String, Object> merged = new LinkedHashMap<>();
      if (context instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          merged.put(String.valueOf(e.getKey()), e.getValue());
        }
      }
      merged.putAll(hash);
      context = merged;
    }
    ProgramFunction partial;
    DataFrame data = scope.data();
    if (name.equals("@partial-block")) {
      Object block = data == null ? null : data.get("partial-block");
      partial = block instanceof ProgramFunction f ? f : null;
    } else {
      partial = scope.partials().get(name);
    }
    if (partialBlock != null) {
      data = DataFrame.childOf(data);
      data.put("partial-block", partialBlock);
      if (partial == null) {
        partial = partialBlock;
      }
    }
    if (partial == null) {
      throw new TemplateException("The partial " + name + " could not be found");
    }
    Object value = partial.apply(context, data, null);
    if (indent.isEmpty()) {
      out.appendValue(value);
      return;
    }
    String result = JsValues.toJsString(value);
    {
      String[] lines = result.split("\n", -1);
      StringBuilder indented = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isEmpty() && i + 1 == lines.length) {
          break;
        }
        if (i > 0) {
          indented.append('\n');
        }
        indented.append(indent).append(lines[i]);
      }
      if (result.endsWith("\n")) {
        indented.append('\n');
      }
      result = indented.toString();
    }
    out.appendString(result);
  }
}
