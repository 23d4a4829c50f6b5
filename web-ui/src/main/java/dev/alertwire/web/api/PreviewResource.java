package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.preview.ChannelDraft;
import dev.alertwire.delivery.preview.TemplatePreview;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Renders a channel draft for a sample alert. Template errors are the answer here, not a failure: the body
 * says {@code valid: false} and lists each with its field, line and column.
 */
@Path("v1/templates/preview")
public class PreviewResource {
  @Inject TemplatePreview preview;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public String preview(String body) {
    JsonObject o = JsonBodies.object(body);
    String alertType = JsonBodies.string(o, "ALERT_TYPE");
    if (alertType == null) {
      alertType = JsonBodies.string(o, "alertType");
    }
    SampleEvents.Kind kind =
        SampleEvents.kind(alertType)
            .orElseThrow(() -> new InvalidInputException("alertType", "must be one of ALERT_FAILURE, ALERT_RECOVERY, ALERT_DEGRADED, ALERT_DEGRADED_RECOVERY, ALERT_SSL, REMINDER, ALERTMANAGER"));
    ChannelDraft draft =
        new ChannelDraft(
            JsonBodies.string(o, "channelId"),
            JsonBodies.string(o, "url"),
            JsonBodies.string(o, "method"),
            JsonBodies.keyValues(o, "headers"),
            JsonBodies.keyValues(o, "queryParameters"),
            JsonBodies.string(o, "template"),
            JsonBodies.string(o, "webhookSecret"),
            JsonBodies.string(o, "signatureScheme"));
    draft.validate();
    TemplatePreview.Result result = preview.preview(draft, kind);
    JsonObjectBuilder answer = Json.createObjectBuilder().add("valid", result.errors().isEmpty()).add("alertType", kind.name());
    if (result.request() != null) {
      JsonArrayBuilder headers = Json.createArrayBuilder();
      for (Header h : result.request().headers()) {
        headers.add(Json.createObjectBuilder().add("name", h.name()).add("value", h.value()));
      }
      answer.add(
          "request",
          Json.createObjectBuilder()
              .add("method", result.request().method())
              .add("url", result.request().url())
              .add("headers", headers)
              .add("body", result.request().body()));
    }
    JsonArrayBuilder errors = Json.createArrayBuilder();
    result.errors().forEach(e -> {
      JsonObjectBuilder item = Json.createObjectBuilder().add("field", e.field()).add("message", e.message());
      if (e.line() > 0) {
        item.add("line", e.line()).add("column", e.column());
      }
      errors.add(item);
    });
    JsonArrayBuilder warnings = Json.createArrayBuilder();
    result.warnings().forEach(warnings::add);
    return answer.add("errors", errors).add("warnings", warnings).build().toString();
  }
}
