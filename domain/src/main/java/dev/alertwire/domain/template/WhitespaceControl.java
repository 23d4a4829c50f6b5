package dev.alertwire.domain.template;

import dev.alertwire.domain.template.Ast.Block;
import dev.alertwire.domain.template.Ast.Comment;
import dev.alertwire.domain.template.Ast.Content;
import dev.alertwire.domain.template.Ast.Mustache;
import dev.alertwire.domain.template.Ast.Partial;
import dev.alertwire.domain.template.Ast.PartialBlock;
import dev.alertwire.domain.template.Ast.Program;
import dev.alertwire.domain.template.Ast.Statement;
import dev.alertwire.domain.template.Ast.Strip;
import java.util.List;
import java.util.regex.Pattern;

/**
 * handlebars.js's whitespace rules: {@code ~} trimming and "standalone" lines (a line holding only
 * a block tag, else, comment or partial loses its indentation and line break). Payload templates
 * written for the reference rely on exactly this to produce valid JSON.
 */
final class WhitespaceControl {

  private static final String WS = "[" + JsValues.WHITESPACE_CLASS + "]";
  private static final Pattern PREV_WS = Pattern.compile("\\r?\\n" + WS + "*?\\z");
  private static final Pattern PREV_WS_ROOT = Pattern.compile("(?:^|\\r?\\n)" + WS + "*?\\z");
  private static final Pattern NEXT_WS = Pattern.compile("^" + WS + "*?\\r?\\n");
  private static final Pattern NEXT_WS_ROOT = Pattern.compile("^" + WS + "*?(?:\\r?\\n|\\z)");
  private static final Pattern LEADING_ALL = Pattern.compile("^" + WS + "+");
  private static final Pattern LEADING_LINE = Pattern.compile("^[ \\t]*\\r?\\n?");
  private static final Pattern TRAILING_ALL = Pattern.compile(WS + "+\\z");
  private static final Pattern TRAILING_LINE = Pattern.compile("[ \\t]+\\z");

  /** What a visited node tells its parent program about stripping. */
  private record NodeStrip(boolean open, boolean close, boolean openStandalone,
      boolean closeStandalone, boolean inlineStandalone) {}

  private boolean rootSeen;

  void apply(Program root) {
    program(root);
  }

  private void program(Program program) {
    boolean isRoot = !rootSeen;
    rootSeen = true;
    List<Statement> body = program.body;
    for (int i = 0; i < body.size(); i++) {
      Statement current = body.get(i);
      NodeStrip strip = accept(current);
      if (strip == null) {
        continue;
      }
      boolean prevWhitespace = isPrevWhitespace(body, i, isRoot);
      boolean nextWhitespace = isNextWhitespace(body, i, isRoot);
      boolean openStandalone = strip.openStandalone() && prevWhitespace;
      boolean closeStandalone = strip.closeStandalone() && nextWhitespace;
      boolean inlineStandalone = strip.inlineStandalone() && prevWhitespace && nextWhitespace;

      if (strip.close()) {
        omitRight(body, i, true);
      }
      if (strip.open()) {
        omitLeft(body, i, true);
      }
      if (inlineStandalone) {
        omitRight(body, i, false);
        if (omitLeft(body, i, false) && current instanceof Partial partial) {
          Content previous = (Content) body.get(i - 1);
          java.util.regex.Matcher m = Pattern.compile("([ \\t]+)\\z").matcher(previous.original);
          if (m.find()) {
            partial.indent = m.group(1);
          }
        }
      }
      if (openStandalone) {
        Program inner = programOf(current);
        omitRight(inner.body, -1, false);
        omitLeft(body, i, false);
      }
      if (closeStandalone) {
        omitRight(body, i, false);
        Program inner = inverseOrProgramOf(current);
        omitLeft(inner.body, inner.body.size(), false);
      }
    }
  }

  private static Program programOf(Statement node) {
    if (node instanceof Block block) {
      return block.program != null ? block.program : block.inverse;
    }
    return ((PartialBlock) node).program;
  }

  private static Program inverseOrProgramOf(Statement node) {
    if (node instanceof Block block) {
      return block.inverse != null ? block.inverse : block.program;
    }
    return ((PartialBlock) node).program;
  }

  private NodeStrip accept(Statement node) {
    if (node instanceof Block block) {
      return block(block);
    }
    if (node instanceof PartialBlock partialBlock) {
      return partialBlock(partialBlock);
    }
    if (node instanceof Mustache mustache) {
      return new NodeStrip(mustache.strip.open(), mustache.strip.close(), false, false, false);
    }
    if (node instanceof Partial partial) {
      return new NodeStrip(partial.strip.open(), partial.strip.close(), false, false, true);
    }
    if (node instanceof Comment comment) {
      return new NodeStrip(comment.strip().open(), comment.strip().close(), false, false, true);
    }
    return null;
  }

  private static Strip orNone(Strip strip) {
    return strip == null ? Strip.NONE : strip;
  }

  private NodeStrip block(Block block) {
    if (block.program != null) {
      program(block.program);
    }
    if (block.inverse != null) {
      program(block.inverse);
    }
    Program program = block.program != null ? block.program : block.inverse;
    Program inverse = block.program != null ? block.inverse : null;
    Program firstInverse = inverse;
    Program lastInverse = inverse;
    if (inverse != null && inverse.chained) {
      firstInverse = ((Block) inverse.body.get(0)).program;
      while (lastInverse.chained) {
        lastInverse = ((Block) lastInverse.body.get(lastInverse.body.size() - 1)).program;
      }
    }
    Strip openStrip = orNone(block.openStrip);
    Strip closeStrip = orNone(block.closeStrip);
    NodeStrip strip = new NodeStrip(openStrip.open(), closeStrip.close(),
        isNextWhitespace(program.body, -1, false),
        isPrevWhitespace((firstInverse != null ? firstInverse : program).body,
            (firstInverse != null ? firstInverse : program).body.size(), false),
        false);

    if (openStrip.close()) {
      omitRight(program.body, -1, true);
    }
    if (inverse != null) {
      Strip inverseStrip = orNone(block.inverseStrip);
      if (inverseStrip.open()) {
        omitLeft(program.body, program.body.size(), true);
      }
      if (inverseStrip.close()) {
        omitRight(firstInverse.body, -1, true);
      }
      if (closeStrip.open()) {
        omitLeft(lastInverse.body, lastInverse.body.size(), true);
      }
      // A standalone {{else}}.
      if (isPrevWhitespace(program.body, program.body.size(), false)
          && isNextWhitespace(firstInverse.body, -1, false)) {
        omitLeft(program.body, program.body.size(), false);
        omitRight(firstInverse.body, -1, false);
      }
    } else if (closeStrip.open()) {
      omitLeft(program.body, program.body.size(), true);
    }
    return strip;
  }

  private NodeStrip partialBlock(PartialBlock block) {
    program(block.program);
    Program program = block.program;
    Strip openStrip = orNone(block.openStrip);
    Strip closeStrip = orNone(block.closeStrip);
    NodeStrip strip = new NodeStrip(openStrip.open(), closeStrip.close(),
        isNextWhitespace(program.body, -1, false),
        isPrevWhitespace(program.body, program.body.size(), false), false);
    if (openStrip.close()) {
      omitRight(program.body, -1, true);
    }
    if (closeStrip.open()) {
      omitLeft(program.body, program.body.size(), true);
    }
    return strip;
  }

  /** Whether the node before index i ends a line (or starts the template, at the root). */
  private static boolean isPrevWhitespace(List<Statement> body, int i, boolean isRoot) {
    Statement prev = i - 1 >= 0 && i - 1 < body.size() ? body.get(i - 1) : null;
    boolean hasSibling = i - 2 >= 0 && i - 2 < body.size();
    if (prev == null) {
      return isRoot;
    }
    if (prev instanceof Content content) {
      Pattern p = hasSibling || !isRoot ? PREV_WS : PREV_WS_ROOT;
      return p.matcher(content.original).find();
    }
    return false;
  }

  /** Whether the node after index i starts with a line break (or ends the template, at the root). */
  private static boolean isNextWhitespace(List<Statement> body, int i, boolean isRoot) {
    Statement next = i + 1 >= 0 && i + 1 < body.size() ? body.get(i + 1) : null;
    boolean hasSibling = i + 2 >= 0 && i + 2 < body.size();
    if (next == null) {
      return isRoot;
    }
    if (next instanceof Content content) {
      Pattern p = hasSibling || !isRoot ? NEXT_WS : NEXT_WS_ROOT;
      return p.matcher(content.original).find();
    }
    return false;
  }

  /** Strips leading whitespace of the content right of index i (i = -1: the first node). */
  private static void omitRight(List<Statement> body, int i, boolean multiple) {
    int at = i + 1;
    if (at < 0 || at >= body.size() || !(body.get(at) instanceof Content current)) {
      return;
    }
    if (!multiple && current.rightStripped) {
      return;
    }
    String original = current.value;
    current.value = (multiple ? LEADING_ALL : LEADING_LINE).matcher(current.value).replaceFirst("");
    current.rightStripped = !current.value.equals(original);
  }

  /** Strips trailing whitespace of the content left of index i (i = size: the last node). */
  private static boolean omitLeft(List<Statement> body, int i, boolean multiple) {
    int at = i - 1;
    if (at < 0 || at >= body.size() || !(body.get(at) instanceof Content current)) {
      return false;
    }
    if (!multiple && current.leftStripped) {
      return false;
    }
    String original = current.value;
    current.value = (multiple ? TRAILING_ALL : TRAILING_LINE).matcher(current.value).replaceFirst("");
    current.leftStripped = !current.value.equals(original);
    return current.leftStripped;
  }
}
