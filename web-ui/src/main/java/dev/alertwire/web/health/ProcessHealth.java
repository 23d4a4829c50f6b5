package dev.alertwire.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: whether this process still works, which only a restart can fix when it does not. It answers at
 * all (the HTTP thread ran this), and no threads are deadlocked (a deadlock never ends by itself). The
 * database and the master key are readiness ({@link DatabaseHealth}, {@link MasterKeyHealth}): an outage of
 * either is not cured by restarting the instance.
 */
@Liveness
@ApplicationScoped
public class ProcessHealth implements HealthCheck {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Override
  public HealthCheckResponse call() {
    long[] deadlocked = THREADS.findDeadlockedThreads();
    if (deadlocked != null && deadlocked.length > 0) {
      return HealthCheckResponse.named("process").down().withData("deadlockedThreads", deadlocked.length).build();
    }
    return HealthCheckResponse.named("process").up().build();
  }
}
