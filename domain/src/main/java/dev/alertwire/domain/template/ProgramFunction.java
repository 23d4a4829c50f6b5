package dev.alertwire.domain.template;

import java.util.List;

/**
 * A block body bound to where it appears, as handlebars.js passes it to helpers
 * ({@code options.fn}): calling it renders the body against a new context.
 */
final class ProgramFunction {

  /** handlebars.js noop: an absent else-part of a block. */
  static final ProgramFunction NOOP = new ProgramFunction(null, null, null);

  private final Renderer renderer;
  private final Ast.Program program;
  private final Renderer.Scope scope;

  ProgramFunction(Renderer renderer, Ast.Program program, Renderer.Scope scope) {
    this.renderer = renderer;
    this.program = program;
    this.scope = scope;
  }

  Object apply(Object context) {
    return apply(context, null, null);
  }

  /**
   * Renders the body. {@code data} replaces the data frame when given; {@code blockParams} are the
   * values for {@code as |x y|}.
   */
  Object apply(Object context, DataFrame data, List<Object> blockParams) {
    if (program == null) {
      return "";
    }
    return renderer.invoke(program, scope, context, data, blockParams);
  }
}
