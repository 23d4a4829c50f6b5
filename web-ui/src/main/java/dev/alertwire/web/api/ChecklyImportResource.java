package dev.alertwire.web.api;

import dev.alertwire.delivery.json.Json;
import dev.alertwire.delivery.transfer.ChecklyImport;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Channels and variables from the hosted product: {@code {"alertChannels": [...], "variables": [...]}} as its
 * API returns them, plus {@code "secretValues": {"ref": "value"}} for the secrets its export hides. A dry run
 * unless {@code dryRun=false}. Admins only (the boundary checks the role). The answer names secrets, never
 * holds their values.
 */
@Path("v1/import/checkly")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ChecklyImportResource {
  @Inject ChecklyImport importer;

  @POST
  public String importExport(String body, @QueryParam("dryRun") @DefaultValue("true") boolean dryRun) {
    return json(importer.run(body, Map.of(), dryRun));
  }

  static String json(ChecklyImport.Report report) {
    JsonArrayBuilder created = Json.createArrayBuilder();
    report.created().forEach(c -> {
      JsonObjectBuilder item = Json.createObjectBuilder().add("kind", c.kind()).add("name", c.name()).add("detail", c.detail());
      if (c.id() != null) {
        item.add("id", c.id());
      }
      created.add(item);
    });
    JsonArrayBuilder skipped = Json.createArrayBuilder();
    report.skipped().forEach(s -> {
      JsonObjectBuilder item = Json.createObjectBuilder().add("kind", s.kind()).add("name", s.name()).add("reason", s.reason());
      if (s.type() != null) {
        item.add("type", s.type());
      }
      if (!s.errors().isEmpty()) {
        item.add("errors", Problem.errors(s.errors()));
      }
      skipped.add(item);
    });
    JsonArrayBuilder secrets = Json.createArrayBuilder();
    report.secretsNeeded().forEach(n -> secrets.add(Json.createObjectBuilder()
        .add("ref", n.ref()).add("kind", n.kind()).add("owner", n.owner()).add("name", n.name()).add("given", n.given())));
    return Json.createObjectBuilder()
        .add("dryRun", report.dryRun())
        .add("created", created)
        .add("skipped", skipped)
        .add("secretsNeeded", secrets)
        .build()
        .toString();
  }
}
