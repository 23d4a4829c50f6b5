package dev.alertwire.web.api;

import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * EJBs wrap runtime exceptions; unwrap refused input to its 400, and answer anything else with a 500 that
 * names no internals (the log has the trace, and log lines never carry request bodies).
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {
  private static final Logger LOG = Logger.getLogger(EjbExceptionMapper.class.getName());

  @Override
  public Response toResponse(EJBException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof InvalidInputException invalid) {
        return new InvalidInputMapper().toResponse(invalid);
      }
    }
    LOG.log(Level.WARNING, "Request failed", e);
    return Problem.of(500, "Internal error", "The request could not be completed; see the server log.");
  }
}
