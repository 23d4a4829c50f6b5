package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.check.CheckAdministration;
import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.persistence.check.CheckGroup;
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

/** Check groups and their variables (which override the global ones for the group's checks). */
@Path("v1/check-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class GroupResource {
  @Inject CheckAdministration administration;
  @Inject VariableAdministration variables;

  @POST
  public Response create(String body, @Context UriInfo uri) {
    CheckGroup group = administration.createGroup(CheckJson.input(JsonBodies.object(body)));
    return Response.created(uri.getAbsolutePathBuilder().path(group.id()).build()).entity(CheckJson.of(group).toString()).build();
  }

  @GET
  public String list() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    administration.groups().forEach(g -> array.add(CheckJson.of(g)));
    return array.build().toString();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return administration.group(id).map(g -> Response.ok(CheckJson.of(g).toString()).build()).orElseGet(() -> notFound(id));
  }

  @PUT
  @Path("{id}")
  public Response update(@PathParam("id") String id, String body) {
    return administration
        .updateGroup(id, CheckJson.input(JsonBodies.object(body)))
        .map(g -> Response.ok(CheckJson.of(g).toString()).build())
        .orElseGet(() -> notFound(id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return administration.deleteGroup(id) ? Response.noContent().build() : notFound(id);
  }

  @GET
  @Path("{id}/variables")
  public Response listVariables(@PathParam("id") String id) {
    if (administration.group(id).isEmpty()) {
      return notFound(id);
    }
    JsonArrayBuilder array = Json.createArrayBuilder();
    variables.list(id).forEach(v -> array.add(VariableResource.json(v)));
    return Response.ok(array.build().toString()).build();
  }

  @POST
  @Path("{id}/variables")
  public Response createVariable(@PathParam("id") String id, String body) {
    if (administration.group(id).isEmpty()) {
      return notFound(id);
    }
    JsonObject o = JsonBodies.object(body);
    try {
      var v = variables.create(id, JsonBodies.string(o, "key"), JsonBodies.string(o, "value"), Boolean.TRUE.equals(JsonBodies.bool(o, "locked")));
      return Response.status(201).entity(VariableResource.json(v).build().toString()).build();
    } catch (VariableAdministration.AlreadyExists e) {
      return Problem.of(409, "Conflict", e.getMessage());
    }
  }

  @PUT
  @Path("{id}/variables/{key}")
  public Response updateVariable(@PathParam("id") String id, @PathParam("key") String key, String body) {
    JsonObject o = JsonBodies.object(body);
    return variables
        .update(id, key, JsonBodies.string(o, "value"), JsonBodies.bool(o, "locked"))
        .map(v -> Response.ok(VariableResource.json(v).build().toString()).build())
        .orElseGet(() -> Problem.of(404, "Not found", "No variable " + key + " in group " + id));
  }

  @DELETE
  @Path("{id}/variables/{key}")
  public Response deleteVariable(@PathParam("id") String id, @PathParam("key") String key) {
    return variables.delete(id, key) ? Response.noContent().build() : Problem.of(404, "Not found", "No variable " + key + " in group " + id);
  }

  static Response notFound(String id) {
    return Problem.of(404, "Not found", "No check group with id " + id);
  }
}
