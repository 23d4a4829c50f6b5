package dev.alertwire.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Bodies over 1 MiB are refused before they are read. */
@Provider
public class BodyLimitFilter implements ContainerRequestFilter {
  static final long LIMIT = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > LIMIT) {
      request.abortWith(Problem.of(413, "Payload too large", "Request bodies are limited to 1 MiB"));
    }
  }
}
