package dev.alertwire.web.api;

import dev.alertwire.delivery.metrics.MetricsScrape;
import dev.alertwire.delivery.metrics.PrometheusText;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Prometheus scrapes this with an admin or viewer token (docs/operations.md, "Metrics"). Why Alertwire
 * serves the format itself rather than through MicroProfile Metrics: see the package-info of
 * dev.alertwire.delivery.metrics.
 */
@Path("v1/metrics")
public class MetricsResource {
  @Inject MetricsScrape scrape;

  @GET
  public Response metrics() {
    return Response.ok(scrape.exposition(), PrometheusText.CONTENT_TYPE).header("Cache-Control", "no-store").build();
  }
}
