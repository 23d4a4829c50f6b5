package dev.alertwire.web.api;

import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Refused input: 400 with every field error. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
  @Override
  public Response toResponse(InvalidInputException e) {
    String detail =
        e.errors().size() == 1
            ? e.errors().get(0).field() + " " + e.errors().get(0).message()
            : e.errors().size() + " fields are invalid";
    return Problem.of(400, "Invalid input", detail, e.errors());
  }
}
