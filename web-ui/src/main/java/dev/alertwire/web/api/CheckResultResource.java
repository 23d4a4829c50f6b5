package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.check.ResultIngestion;
import dev.alertwire.delivery.check.ResultInput;
import dev.alertwire.domain.check.ResultFacts;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One check result in; the answer says what it did to the check (transition code, state) and which alerts
 * it sent. {@code check}: {"id": ...} or {"name", "checkType", "tags", "groupName"} to register on first use.
 */
@Path("v1/check-results")
public class CheckResultResource {
  @Inject ResultIngestion ingestion;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response accept(String body) {
    JsonObject o = JsonBodies.object(body);
    JsonObject check = orEmpty(o, "check");
    String checkId = JsonBodies.string(check, "id");
    if (checkId == null) {
      checkId = JsonBodies.string(o, "checkId");
    }
    if (checkId == null && JsonBodies.string(check, "name") == null) {
      throw new InvalidInputException("check", "name the check by id, or by name (and checkType) to register it");
    }
    JsonObject response = orEmpty(o, "response");
    JsonObject ssl = orEmpty(o, "sslCertificate");
    // AI analysis fields may come nested in "aiAnalysis" or at the top level.
    JsonObject ai = o.containsKey("aiAnalysis") ? orEmpty(o, "aiAnalysis") : o;
    Boolean hasFailures = JsonBodies.bool(o, "hasFailures");
    if (hasFailures == null) {
      throw new InvalidInputException("hasFailures", "is required (true or false)");
    }
    ResultFacts facts =
        new ResultFacts(
            null,
            hasFailures,
            Boolean.TRUE.equals(JsonBodies.bool(o, "isDegraded")),
            responseTime(o),
            JsonBodies.string(o, "runLocation"),
            JsonBodies.string(o, "region"),
            startedAt(o),
            JsonBodies.string(o, "errorMessage"),
            JsonBodies.integer(response, "statusCode"),
            JsonBodies.string(response, "statusText"),
            JsonBodies.string(response, "body"),
            JsonBodies.string(o, "checkUrl") != null ? JsonBodies.string(o, "checkUrl") : JsonBodies.string(response, "url"),
            JsonBodies.string(ssl, "domain"),
            JsonBodies.integer(ssl, "daysRemaining"),
            JsonBodies.string(ai, "rootCause"),
            JsonBodies.string(ai, "userImpact"),
            JsonBodies.string(ai, "classification"),
            JsonBodies.string(ai, "codeFix"),
            JsonBodies.string(ai, "link"),
            JsonBodies.string(o, "resultLink"));
    ResultInput input =
        new ResultInput(
            checkId, JsonBodies.string(check, "name"), JsonBodies.string(check, "checkType"), JsonBodies.strings(check, "tags"),
            JsonBodies.string(check, "groupName"), facts);
    return ingestion
        .accept(input)
        .map(outcome -> Response.accepted(json(outcome).toString()).build())
        .orElseGet(() -> Problem.of(404, "Not found", "No check with id " + input.checkId() + "; register it with POST /api/v1/checks or name it by name"));
  }

  private static JsonObject json(ResultIngestion.Outcome outcome) {
    JsonArrayBuilder alerts = Json.createArrayBuilder();
    for (dev.alertwire.delivery.check.AlertRouting.Sent sent : outcome.alerts()) {
      JsonArrayBuilder ids = Json.createArrayBuilder();
      sent.deliveryIds().forEach(ids::add);
      alerts.add(Json.createObjectBuilder().add("alertType", sent.alertType()).add("eventId", sent.eventId()).add("deliveries", ids));
    }
    return Json.createObjectBuilder()
        .add("resultId", outcome.resultId())
        .add("checkId", outcome.checkId())
        .add("transition", outcome.transition())
        .add("alertState", outcome.state())
        .add("alerts", alerts)
        .build();
  }

  private static JsonObject orEmpty(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException(key, "must be a JSON object");
    }
    return v.asJsonObject();
  }

  private static Number responseTime(JsonObject o) {
    JsonValue v = o.get("responseTime");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonNumber n && n.doubleValue() >= 0) {
      return n.isIntegral() ? (Number) n.longValue() : n.bigDecimalValue();
    }
    throw new InvalidInputException("responseTime", "must be a number of milliseconds, 0 or more");
  }

  private static Instant startedAt(JsonObject o) {
    String text = JsonBodies.string(o, "startedAt");
    if (text == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("startedAt", "must be an ISO-8601 instant such as 2026-06-15T12:00:00Z");
    }
  }
}
