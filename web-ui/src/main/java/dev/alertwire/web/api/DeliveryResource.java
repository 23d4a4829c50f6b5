package dev.alertwire.web.api;

import dev.alertwire.delivery.control.DeliveryControl;
import dev.alertwire.delivery.history.DeliveryHistory;
import dev.alertwire.delivery.history.EventLabel;
import dev.alertwire.delivery.json.Json;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryAttempt;
import dev.alertwire.persistence.delivery.DeliveryFilter;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

@Path("v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
  private static final int MAX_PAGE_SIZE = 200;
  /** (page - 1) * size stays an int offset for every allowed size: no overflow into a negative offset. */
  static final int MAX_PAGE = 10_000_000;

  @Inject DeliveryHistory history;
  @Inject DeliveryControl control;

  @GET
  public String list(
      @QueryParam("channelId") String channelId,
      @QueryParam("checkId") String checkId,
      @QueryParam("alertType") String alertType,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("1") String pageText,
      @QueryParam("size") @DefaultValue("50") String sizeText) {
    int page = QueryText.whole("page", pageText, 1, MAX_PAGE);
    int size = QueryText.whole("size", sizeText, 1, MAX_PAGE_SIZE);
    DeliveryFilter filter =
        new DeliveryFilter(
            QueryText.blankToNull(channelId), QueryText.blankToNull(checkId), QueryText.blankToNull(alertType), status(status),
            instant("from", from), instant("to", to));
    DeliveryHistory.Page result = history.page(filter, (page - 1) * size, size);
    JsonArrayBuilder items = Json.createArrayBuilder();
    java.util.Map<String, EventLabel> labels = history.labels(result.items().stream().map(Delivery::eventId).distinct().toList());
    result.items().forEach(d -> items.add(labelled(summary(d), labels.getOrDefault(d.eventId(), EventLabel.NONE))));
    return Json.createObjectBuilder()
        .add("items", items)
        .add("total", result.total())
        .add("page", page)
        .add("size", size)
        .build()
        .toString();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return history
        .detail(id)
        .map(
            detail -> {
              JsonObjectBuilder o = labelled(summary(detail.delivery()), detail.label());
              JsonArrayBuilder attempts = Json.createArrayBuilder();
              detail.attempts().forEach(a -> attempts.add(attempt(a)));
              o.add("attempts", attempts);
              return Response.ok(o.build().toString()).build();
            })
        .orElseGet(() -> notFound(id));
  }

  @POST
  @Path("{id}/redeliver")
  public Response redeliver(@PathParam("id") String id, @Context UriInfo uri) {
    return control
        .redeliver(id)
        .map(d -> Response.created(uri.getBaseUriBuilder().path("v1/deliveries").path(d.id()).build())
            .entity(summary(d).build().toString())
            .build())
        .orElseGet(() -> notFound(id));
  }

  @POST
  @Path("{id}/cancel")
  public Response cancel(@PathParam("id") String id) {
    return control.cancel(id).map(d -> Response.ok(summary(d).build().toString()).build()).orElseGet(() -> notFound(id));
  }

  /** A whole number in [min, max], else 400 naming the field (a number too large for an int included). */
  private static Response notFound(String id) {
    return Problem.of(404, "Not found", "No delivery with id " + id);
  }

  /**
   * The alert a delivery carries: {@code alertType} (REMINDER for a reminder, whose ALERT_TYPE variable stays
   * ALERT_FAILURE) and {@code alertTitle} (ALERT_TITLE, else the check's name).
   */
  private static JsonObjectBuilder labelled(JsonObjectBuilder o, EventLabel label) {
    QueryText.addNullable(o, "alertType", label.alertType());
    QueryText.addNullable(o, "alertTitle", label.title());
    return o;
  }

  static JsonObjectBuilder summary(Delivery d) {
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("id", d.id())
            .add("eventId", d.eventId())
            .add("channelName", d.channelName())
            .add("kind", d.kind().name())
            .add("status", d.status().name())
            .add("attemptCount", d.attempts())
            .add("created", d.createdAt().toString());
    QueryText.addNullable(o, "channelId", d.channelId());
    QueryText.addNullable(o, "checkId", d.checkId());
    QueryText.addNullable(o, "nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
    QueryText.addNullable(o, "finished", d.finishedAt() == null ? null : d.finishedAt().toString());
    if (d.lastStatus() != null) {
      o.add("lastResponseStatus", d.lastStatus());
    } else {
      o.addNull("lastResponseStatus");
    }
    QueryText.addNullable(o, "lastError", d.lastError());
    return o;
  }

  private static JsonObjectBuilder attempt(DeliveryAttempt attempt) {
    DeliveryAttempt.Details a = attempt.details();
    JsonObjectBuilder request = Json.createObjectBuilder();
    QueryText.addNullable(request, "method", a.requestMethod());
    QueryText.addNullable(request, "url", a.requestUrl());
    request.add("headers", a.requestHeadersJson() == null ? JsonValue.EMPTY_JSON_ARRAY : parse(a.requestHeadersJson()));
    QueryText.addNullable(request, "body", a.requestBody());
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("number", a.number())
            .add("startedAt", a.startedAt().toString())
            .add("durationMs", a.durationMs())
            .add("request", request);
    if (a.responseStatus() != null) {
      o.add(
          "response",
          Json.createObjectBuilder()
              .add("status", a.responseStatus())
              .add("headers", a.responseHeadersJson() == null ? JsonValue.EMPTY_JSON_OBJECT : parse(a.responseHeadersJson()))
              .add("body", a.responseBody() == null ? "" : a.responseBody()));
    } else {
      o.addNull("response");
    }
    if (a.errorClass() != null) {
      o.add("error", Json.createObjectBuilder().add("class", a.errorClass().name()).add("message", a.errorMessage() == null ? "" : a.errorMessage()));
    }
    QueryText.addNullable(o, "nextAttemptAt", a.nextAttemptAt() == null ? null : a.nextAttemptAt().toString());
    return o;
  }

  private static JsonValue parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  private static DeliveryStatus status(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return DeliveryStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("status", "must be one of pending, rate_limited, retrying, succeeded, failed, superseded, cancelled");
    }
  }

  private static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-06-15T12:00:00Z");
    }
  }
}
