package dev.alertwire.web.api;

import dev.alertwire.delivery.access.AccessDenied;
import dev.alertwire.delivery.preview.Busy;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
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
      if (c instanceof AccessDenied denied) {
        return new AccessDeniedMapper().toResponse(denied);
      }
      if (c instanceof Busy busy) {
        return new BusyMapper().toResponse(busy);
      }
    }
    if (databaseUnavailable(e)) {
      LOG.warning("Refused a request with 503: the database is unavailable (" + rootMessage(e) + ")");
      return Response.fromResponse(
              Problem.of(503, "Database unavailable", "Nothing was stored; send the request again in a few seconds."))
          .header("Retry-After", "5")
          .build();
    }
    LOG.log(Level.WARNING, "Request failed", e);
    return Problem.of(500, "Internal error", "The request could not be completed; see the server log.");
  }

  /** A connection that cannot be had or was lost (SQL state class 08), as opposed to a refused statement. */
  static boolean databaseUnavailable(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true;
      }
      String name = c.getClass().getName();
      if (name.endsWith("PoolingException") || name.endsWith("ResourceAllocationException")) {
        return true;
      }
      if (c instanceof SQLException && String.valueOf(c.getMessage()).contains("allocating a connection")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
