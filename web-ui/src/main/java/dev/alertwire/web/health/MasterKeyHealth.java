package dev.alertwire.web.health;

import dev.alertwire.delivery.secret.MasterKeyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while this instance's master key cannot read the stored secrets: it could send no alert. */
@Readiness
@ApplicationScoped
public class MasterKeyHealth implements HealthCheck {
  @Inject MasterKeyCheck keyCheck;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("master-key");
    try {
      if (keyCheck.matches()) {
        return response.up().build();
      }
      return response.down().withData("error", "the stored secrets were encrypted with another ALERTWIRE_MASTER_KEY").build();
    } catch (RuntimeException stillStarting) {
      return response.down().withData("error", "starting").build();
    }
  }
}
