package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.persistence.variable.Variable;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

/** Global environment variables and secrets: secret values go in, never out. */
@Path("v1/variables")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class VariableResource {
  @Inject VariableAdministration administration;

  @GET
  public String list() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    administration.list(Variable.GLOBAL).forEach(v -> array.add(json(v)));
    return array.build().toString();
  }

  @GET
  @Path("{key}")
  public Response get(@PathParam("key") String key) {
    return administration
        .find(Variable.GLOBAL, key)
        .map(v -> Response.ok(json(v).build().toString()).build())
        .orElseGet(() -> notFound(key));
  }

  @POST
  public Response create(String body, @Context UriInfo uri) {
    JsonObject o = JsonBodies.object(body);
    Boolean locked = JsonBodies.bool(o, "locked");
    try {
      Variable v =
          administration.create(
              Variable.GLOBAL, JsonBodies.string(o, "key"), JsonBodies.string(o, "value"), Boolean.TRUE.equals(locked));
      return Response.created(uri.getAbsolutePathBuilder().path(v.key()).build())
          .entity(json(v).build().toString())
          .build();
    } catch (VariableAdministration.AlreadyExists e) {
      return Problem.of(409, "Conflict", e.getMessage() + "; use PUT /api/v1/variables/{key} to change it");
    }
  }

  @PUT
  @Path("{key}")
  public Response update(@PathParam("key") String key, String body) {
    JsonObject o = JsonBodies.object(body);
    return administration
        .update(Variable.GLOBAL, key, JsonBodies.string(o, "value"), JsonBodies.bool(o, "locked"))
        .map(v -> Response.ok(json(v).build().toString()).build())
        .orElseGet(() -> notFound(key));
  }

  @DELETE
  @Path("{key}")
  public Response delete(@PathParam("key") String key) {
    return administration.delete(Variable.GLOBAL, key) ? Response.noContent().build() : notFound(key);
  }

  static JsonObjectBuilder json(Variable v) {
    JsonObjectBuilder o = Json.createObjectBuilder().add("key", v.key()).add("locked", v.locked());
    if (v.locked()) {
      o.addNull("value");
    } else {
      o.add("value", v.storedValue());
    }
    return o.add("updated", v.updatedAt().toString());
  }

  private static Response notFound(String key) {
    return Problem.of(404, "Not found", "No variable named " + key);
  }
}
