package dev.alertwire.domain.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be accepted; carries every field error found, not just the first. */
public class InvalidInputException extends RuntimeException {
  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(FieldError.of(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
