package dev.alertwire.web.api;

import dev.alertwire.delivery.preview.Busy;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Too many previews at once: 429 with Retry-After, nothing else affected. */
@Provider
public class BusyMapper implements ExceptionMapper<Busy> {
  @Override
  public Response toResponse(Busy e) {
    return Response.fromResponse(Problem.of(429, "Too many previews", e.getMessage())).header("Retry-After", "2").build();
  }
}
