package dev.alertwire.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: UP only while the database answers; without it no alert can be accepted or delivered. Not a
 * liveness check: during a database outage every instance is alive and should be taken out of the load
 * balancer, not restarted (a restart cannot bring the database back, and would drop work in progress).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
  @Resource(lookup = "java:app/jdbc/alertwire")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return HealthCheckResponse.named("database").status(valid).build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
