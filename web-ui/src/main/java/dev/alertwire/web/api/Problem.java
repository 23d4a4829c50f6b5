package dev.alertwire.web.api;

import dev.alertwire.delivery.json.Json;
import dev.alertwire.domain.validation.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 9457 problem details: what every refused request answers. */
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problem() {}

  public static Response of(int status, String title, String detail) {
    return of(status, title, detail, List.of());
  }

  public static Response of(int status, String title, String detail, List<FieldError> errors) {
    JsonObjectBuilder body =
        Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      body.add("errors", errors(errors));
    }
    return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
  }

  /** {@code [{field, message, line?, column?}]}: refusals as every answer lists them. */
  static JsonArrayBuilder errors(List<FieldError> errors) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (FieldError e : errors) {
      JsonObjectBuilder item = Json.createObjectBuilder().add("field", e.field()).add("message", e.message());
      if (e.line() > 0) {
        item.add("line", e.line()).add("column", e.column());
      }
      array.add(item);
    }
    return array;
  }
}
