package dev.alertwire.persistence.delivery;

import dev.alertwire.domain.delivery.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the metrics' gauges read from the database, all in one place: the backlog of unfinished deliveries,
 * the oldest one due, and the channels flagged by a 410. Every query walks only unfinished deliveries (the
 * ones with a next attempt time, through the delivery_next index) or the channel table, never the history;
 * the caller reads them at most every few seconds. Runs in the caller's transaction.
 */
@ApplicationScoped
public class DeliveryBacklog {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  /**
   * @param due unfinished deliveries whose next attempt time has come (in flight ones included)
   * @param unfinished unfinished deliveries by status (pending, retrying, rate-limited), whether due or not
   * @param oldestDue the earliest next attempt time of a due delivery that no live lease holds
   * @param goneChannels channels flagged because their receiver answered 410 Gone
   */
  public record Snapshot(long due, Map<DeliveryStatus, Long> unfinished, Optional<Instant> oldestDue, long goneChannels) {}

  public Snapshot read(Instant now) {
    long nowMillis = now.toEpochMilli();
    Map<DeliveryStatus, Long> unfinished = new EnumMap<>(DeliveryStatus.class);
    DeliveryRepository.UNFINISHED.forEach(s -> unfinished.put(s, 0L));
    em.createQuery("SELECT d.status, COUNT(d) FROM Delivery d WHERE d.nextAttemptAt > 0 GROUP BY d.status", Object[].class)
        .getResultList()
        .forEach(r -> unfinished.merge((DeliveryStatus) r[0], ((Number) r[1]).longValue(), Long::sum));
    long due =
        em.createQuery("SELECT COUNT(d) FROM Delivery d WHERE d.nextAttemptAt > 0 AND d.nextAttemptAt <= :now", Long.class)
            .setParameter("now", nowMillis)
            .getSingleResult();
    Optional<Instant> oldestDue =
        em.createQuery(
                "SELECT d.nextAttemptAt FROM Delivery d WHERE d.nextAttemptAt > 0 AND d.nextAttemptAt <= :now"
                    + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) ORDER BY d.nextAttemptAt",
                Long.class)
            .setParameter("now", nowMillis)
            .setMaxResults(1)
            .getResultList()
            .stream()
            .findFirst()
            .map(Instant::ofEpochMilli);
    long gone =
        em.createQuery("SELECT COUNT(c) FROM AlertChannel c WHERE c.goneAt IS NOT NULL", Long.class).getSingleResult();
    return new Snapshot(due, unfinished, oldestDue, gone);
  }

  /** The names of these channels (the ones the metrics carry as labels), by id; deleted ones are absent. */
  public Map<String, String> channelNames(Collection<String> ids) {
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    em.createQuery("SELECT c.id, c.name FROM AlertChannel c WHERE c.id IN :ids", Object[].class)
        .setParameter("ids", List.copyOf(ids))
        .getResultList()
        .forEach(r -> names.put((String) r[0], (String) r[1]));
    return names;
  }
}
