package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.channel.ChannelAdministration;
import dev.alertwire.delivery.channel.ChannelInput;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("v1/alert-channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ChannelResource {
  @Inject ChannelAdministration administration;

  @POST
  public Response create(String body, @Context UriInfo uri) {
    ChannelAdministration.Saved saved = administration.create(input(JsonBodies.object(body)));
    return Response.created(uri.getAbsolutePathBuilder().path(saved.channel().id()).build())
        .entity(ChannelJson.of(saved).toString())
        .build();
  }

  @GET
  public String list() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    administration.all().forEach(c -> array.add(ChannelJson.of(c)));
    return array.build().toString();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return administration
        .find(id)
        .map(c -> Response.ok(ChannelJson.of(c).toString()).build())
        .orElseGet(() -> notFound(id));
  }

  @PUT
  @Path("{id}")
  public Response update(@PathParam("id") String id, String body) {
    return administration
        .update(id, input(JsonBodies.object(body)))
        .map(saved -> Response.ok(ChannelJson.of(saved).toString()).build())
        .orElseGet(() -> notFound(id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return administration.delete(id) ? Response.noContent().build() : notFound(id);
  }

  static Response notFound(String id) {
    return Problem.of(404, "Not found", "No alert channel with id " + id);
  }

  static ChannelInput input(JsonObject o) {
    return new ChannelInput(
        JsonBodies.string(o, "name"),
        JsonBodies.string(o, "url"),
        JsonBodies.string(o, "method"),
        JsonBodies.keyValues(o, "headers"),
        JsonBodies.keyValues(o, "queryParameters"),
        JsonBodies.string(o, "template"),
        JsonBodies.string(o, "webhookSecret"),
        JsonBodies.string(o, "signatureScheme"),
        JsonBodies.bool(o, "activated"),
        JsonBodies.integer(o, "maxRetries"),
        JsonBodies.number(o, "retryDelayMs"),
        JsonBodies.string(o, "backoff"),
        JsonBodies.integer(o, "connectTimeoutMs"),
        JsonBodies.integer(o, "responseTimeoutMs"),
        JsonBodies.bool(o, "supersedeOlder"),
        JsonBodies.integer(o, "rateLimitPerMinute"),
        JsonBodies.bool(o, "rotateWebhookSecret"),
        subscriptions(o),
        new ChannelInput.AlertSettingsInput(
            JsonBodies.bool(o, "sendFailure"),
            JsonBodies.bool(o, "sendRecovery"),
            JsonBodies.bool(o, "sendDegraded"),
            JsonBodies.bool(o, "sslExpiry"),
            JsonBodies.integer(o, "sslExpiryThreshold"),
            JsonBodies.bool(o, "autoSubscribe")));
  }

  private static java.util.List<ChannelInput.Subscription> subscriptions(JsonObject o) {
    return JsonBodies.objects(o, "subscriptions").map(list -> list.stream()
        .map(s -> new ChannelInput.Subscription(
            JsonBodies.string(s, "checkId"), JsonBodies.string(s, "groupId"), JsonBodies.string(s, "label"), JsonBodies.bool(s, "activated")))
        .toList()).orElse(null);
  }
}
