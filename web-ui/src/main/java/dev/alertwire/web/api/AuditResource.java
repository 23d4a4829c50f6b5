package dev.alertwire.web.api;

import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.delivery.json.Json;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit log (admins only): every change from the console or the API, newest first, with who made it
 * (a user name, or "token NAME"). {@code actor} and {@code target} filter by exact value.
 */
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  static final int MAX_PAGE_SIZE = 500;
  /** Past this, offset arithmetic would overflow: no log has that many pages of entries. */
  static final int MAX_PAGE = 1_000_000;

  @Inject AuditLog audit;

  @GET
  public String list(
      @QueryParam("actor") String actor,
      @QueryParam("target") String target,
      @QueryParam("page") @DefaultValue("1") String pageText,
      @QueryParam("size") @DefaultValue("50") String sizeText) {
    int page = QueryText.whole("page", pageText, 1, MAX_PAGE);
    int size = QueryText.whole("size", sizeText, 1, MAX_PAGE_SIZE);
    AuditLog.Page result = audit.page(QueryText.blankToNull(actor), QueryText.blankToNull(target), (page - 1) * size, size);
    JsonArrayBuilder items = Json.createArrayBuilder();
    result.items().forEach(e -> {
      JsonObjectBuilder o = Json.createObjectBuilder()
          .add("at", e.at().toString())
          .add("actor", e.actor())
          .add("action", e.action());
      QueryText.addNullable(o, "target", e.target());
      QueryText.addNullable(o, "detail", e.detail());
      items.add(o);
    });
    return Json.createObjectBuilder()
        .add("items", items)
        .add("total", result.total())
        .add("page", page)
        .add("size", size)
        .build()
        .toString();
  }
}
