package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.access.ApiAccess;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.token.ApiToken;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** API tokens (admin only). A new token's value is in the creation answer and nowhere else, ever. */
@Path("v1/api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class TokenResource {
  @Inject ApiAccess access;

  @GET
  public String list() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    access.all().forEach(t -> array.add(json(t)));
    return array.build().toString();
  }

  @POST
  public Response create(String body) {
    JsonObject o = JsonBodies.object(body);
    String roleText = JsonBodies.string(o, "role");
    ApiToken.Role role;
    try {
      role = ApiToken.Role.valueOf((roleText == null ? "" : roleText).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", "must be admin, viewer or ingest");
    }
    ApiAccess.Issued issued = access.issue(JsonBodies.string(o, "name"), role);
    return Response.status(201).entity(json(issued.token()).add("token", issued.value()).build().toString()).build();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") String id) {
    return access.revoke(id) ? Response.noContent().build() : Problem.of(404, "Not found", "No API token with id " + id);
  }

  private static JsonObjectBuilder json(ApiToken t) {
    return Json.createObjectBuilder()
        .add("id", t.id())
        .add("name", t.name())
        .add("role", t.role().name().toLowerCase(Locale.ROOT))
        .add("created", t.createdAt().toString());
  }
}
