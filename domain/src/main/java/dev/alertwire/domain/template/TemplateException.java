package dev.alertwire.domain.template;

/**
 * A template could not be compiled or rendered.
 *
 * <p>The message names the position in the template and the cause only. It never carries rendered
 * output or values of the context, because those may hold secrets (tokens, API keys).
 */
public class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public TemplateException(String message, int line, int column) {
    super(withPosition(message, line, column));
    this.line = line;
    this.column = column;
  }

  public TemplateException(String message) {
    this(message, 0, 0);
  }

  /** 1-based line of the offending part of the template; 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending part of the template; 0 when unknown. */
  public int column() {
    return column;
  }

  /** The same cause, pinned to a position (used when a helper fails inside a statement). */
  TemplateException at(int atLine, int atColumn) {
    if (line > 0) {
      return this;
    }
    TemplateException located = new TemplateException(cause(), atLine, atColumn);
    located.setStackTrace(getStackTrace());
    return located;
  }

  /** The message without the position suffix. */
  String cause() {
    String message = getMessage();
    int cut = message.lastIndexOf(" (line ");
    return line > 0 && cut >= 0 ? message.substring(0, cut) : message;
  }

  private static String withPosition(String message, int line, int column) {
    return line > 0 ? message + " (line " + line + ", column " + column + ")" : message;
  }
}
