package dev.alertwire.web.api;

import dev.alertwire.delivery.ingest.AlertIngestion;
import dev.alertwire.delivery.json.Json;
import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.domain.source.AlertSource;
import dev.alertwire.domain.source.AlertmanagerWebhook;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Alerts in the shapes other tools send: Alertmanager's webhook_config and Grafana's webhook contact point
 * post here with an ingest token. Each alert of the notification becomes a ready-made alert
 * ({@link AlertmanagerWebhook}) and goes through the same door as {@code POST /api/v1/alerts}, all in one
 * transaction. The answer lists per alert its event and deliveries.
 */
@Path("v1/sources")
public class SourceResource {
  @Inject AlertIngestion ingestion;

  @POST
  @Path("alertmanager")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response alertmanager(String body) {
    return accept(body, AlertSource.ALERTMANAGER);
  }

  @POST
  @Path("grafana")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response grafana(String body) {
    return accept(body, AlertSource.GRAFANA);
  }

  private Response accept(String body, AlertSource source) {
    List<Map<String, Object>> events = AlertmanagerWebhook.events(JsonValues.toMap(JsonBodies.object(body)), source);
    List<JsonObject> alerts = events.stream().map(JsonValues::toJsonObject).toList();
    List<AlertIngestion.Accepted> accepted = ingestion.acceptAll(alerts);
    JsonArrayBuilder answer = Json.createArrayBuilder();
    for (int i = 0; i < accepted.size(); i++) {
      AlertIngestion.Accepted a = accepted.get(i);
      JsonArrayBuilder deliveries = Json.createArrayBuilder();
      a.deliveryIds().forEach(deliveries::add);
      JsonArrayBuilder ignored = Json.createArrayBuilder();
      a.ignoredVariables().forEach(ignored::add);
      answer.add(
          Json.createObjectBuilder()
              .add("checkId", alerts.get(i).getString("CHECK_ID"))
              .add("alertname", alerts.get(i).getString("CHECK_NAME"))
              .add("alertType", alerts.get(i).getString("ALERT_TYPE"))
              .add("eventId", a.eventId())
              .add("deliveries", deliveries)
              .add("ignoredVariables", ignored));
    }
    return Response.accepted(Json.createObjectBuilder().add("source", source.slug()).add("alerts", answer).build().toString()).build();
  }
}
