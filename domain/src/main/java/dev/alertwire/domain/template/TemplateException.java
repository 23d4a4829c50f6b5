package dev.alertwire.domain.template;

/**
 * A template that does not compile or render. The message names the cause and the position only, never
 * rendered text or context values, because those may hold secrets.
 */
public class TemplateException extends RuntimeException {
  private final int line;
  private final int column;

  public TemplateException(String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  public TemplateException(String message, int line, int column) {
    this(message, line, column, null);
  }

  /** 1-based line of the error, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the error, 0 when unknown. */
  public int column() {
    return column;
  }
}
