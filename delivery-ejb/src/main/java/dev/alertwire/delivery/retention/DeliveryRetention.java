package dev.alertwire.delivery.retention;

import dev.alertwire.persistence.delivery.DeliveryRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the record to a configurable age (ALERTWIRE_RETENTION_DAYS, default 30). Only events whose deliveries
 * have all finished are removed, in batches, so a pending retry is never pruned.
 */
@Singleton
public class DeliveryRetention {
  private static final Logger LOG = Logger.getLogger(DeliveryRetention.class.getName());

  @Inject DeliveryRepository deliveries;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "alertwire.retention.days", defaultValue = "30")
  int retentionDays;

  @Schedule(hour = "*", minute = "17", persistent = false)
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  void prune() {
    int removed = deliveries.pruneFinishedBefore(clock.instant().minus(Duration.ofDays(Math.max(1, retentionDays))));
    if (removed > 0) {
      LOG.info(() -> "Pruned " + removed + " alert events older than " + retentionDays + " days with their deliveries");
    }
  }
}
