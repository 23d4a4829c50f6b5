package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.check.CheckAdministration;
import dev.alertwire.persistence.check.MonitoredCheck;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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

@Path("v1/checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class CheckResource {
  @Inject CheckAdministration administration;

  @POST
  public Response create(String body, @Context UriInfo uri) {
    MonitoredCheck check = administration.create(CheckJson.input(JsonBodies.object(body)));
    return Response.created(uri.getAbsolutePathBuilder().path(check.id()).build()).entity(CheckJson.of(check).toString()).build();
  }

  @GET
  public String list() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    administration.all().forEach(c -> array.add(CheckJson.of(c)));
    return array.build().toString();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return administration.find(id).map(c -> Response.ok(CheckJson.of(c).toString()).build()).orElseGet(() -> notFound(id));
  }

  @PUT
  @Path("{id}")
  public Response update(@PathParam("id") String id, String body) {
    return administration
        .update(id, CheckJson.input(JsonBodies.object(body)))
        .map(c -> Response.ok(CheckJson.of(c).toString()).build())
        .orElseGet(() -> notFound(id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return administration.delete(id) ? Response.noContent().build() : notFound(id);
  }

  static Response notFound(String id) {
    return Problem.of(404, "Not found", "No check with id " + id);
  }
}
