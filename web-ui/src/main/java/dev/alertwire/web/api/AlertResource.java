package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.ingest.AlertIngestion;
import dev.alertwire.delivery.json.Json;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Alerts decided elsewhere: a JSON object of event variables (ALERT_TYPE, CHECK_NAME, ...). */
@Path("v1/alerts")
public class AlertResource {
  @Inject AlertIngestion ingestion;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response accept(String body) {
    AlertIngestion.Accepted accepted = ingestion.accept(JsonBodies.object(body));
    JsonArrayBuilder deliveries = Json.createArrayBuilder();
    accepted.deliveryIds().forEach(deliveries::add);
    JsonArrayBuilder ignored = Json.createArrayBuilder();
    accepted.ignoredVariables().forEach(ignored::add);
    return Response.accepted(
            Json.createObjectBuilder()
                .add("id", accepted.eventId())
                .add("deliveries", deliveries)
                .add("ignoredVariables", ignored)
                .build()
                .toString())
        .build();
  }
}
