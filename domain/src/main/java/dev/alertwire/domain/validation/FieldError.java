package dev.alertwire.domain.validation;

/**
 * One reason an input was refused: the field (a JSON path such as {@code headers[1].value}), what is wrong,
 * and for template errors the 1-based line and column (0 when not applicable).
 */
public record FieldError(String field, String message, int line, int column) {
  public static FieldError of(String field, String message) {
    return new FieldError(field, message, 0, 0);
  }
}
