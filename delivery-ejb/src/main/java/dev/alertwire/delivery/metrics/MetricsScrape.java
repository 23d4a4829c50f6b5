package dev.alertwire.delivery.metrics;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/** The metrics in the Prometheus text format, for an admin or viewer token (see package-info). */
@Stateless
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
public class MetricsScrape {
  @Inject DeliveryMetrics metrics;
  @Inject BacklogGauges gauges;
  @Inject Clock clock;

  public String exposition() {
    PrometheusText text = new PrometheusText();
    metrics.write(text);
    gauges.write(text, clock.instant());
    return text.toString();
  }
}
