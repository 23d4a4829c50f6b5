package dev.alertwire.web.api;

import dev.alertwire.delivery.access.AccessDenied;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A boundary refused the caller's role: 403, nothing changed. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDenied> {
  @Override
  public Response toResponse(AccessDenied e) {
    return Problem.of(403, "Forbidden", e.getMessage());
  }
}
