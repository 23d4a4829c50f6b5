package dev.alertwire.persistence.delivery;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.delivery.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's view of the delivery history: the API's filters plus test-or-real and a choice of sort
 * column. Runs in the caller's transaction.
 */
@ApplicationScoped
public class DeliverySearch {
  /** Null fields do not filter; {@code realOnly} TRUE hides test-sends, FALSE shows only them. */
  public record Criteria(
      String channelId,
      DeliveryStatus status,
      String alertType,
      Boolean realOnly,
      Instant from,
      Instant to,
      Sort sort,
      boolean ascending) {}

  /** Sortable columns, mapped to fields here so no caller text reaches the query. */
  public enum Sort {
    CREATED("d.createdAt"),
    CHANNEL("d.channelName"),
    STATUS("d.status"),
    ATTEMPTS("d.attempts"),
    KIND("d.kind");

    final String path;

    Sort(String path) {
      this.path = path;
    }
  }

  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  public List<Delivery> page(Criteria criteria, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    Sort sort = criteria.sort() == null ? Sort.CREATED : criteria.sort();
    String direction = criteria.ascending() ? " ASC" : " DESC";
    TypedQuery<Delivery> query =
        em.createQuery(
            "SELECT d FROM Delivery d" + where(criteria, params) + " ORDER BY " + sort.path + direction + ", d.createdAt DESC, d.id DESC",
            Delivery.class);
    params.forEach(query::setParameter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long count(Criteria criteria) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Long> query = em.createQuery("SELECT COUNT(d) FROM Delivery d" + where(criteria, params), Long.class);
    params.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** Each channel's most recent delivery, for the channel list's "last outcome". */
  /** Deliveries created per hour (epoch hour) and status since a time, counted by the database. */
  public record HourCount(long epochHour, String status, long count) {}

  public List<HourCount> perHour(java.time.Instant since) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT created_at / 3600000, status, COUNT(*) FROM delivery WHERE created_at >= ?1"
                    + " GROUP BY created_at / 3600000, status")
            .setParameter(1, since.toEpochMilli())
            .getResultList();
    return rows.stream()
        .map(r -> new HourCount(((Number) r[0]).longValue(), String.valueOf(r[1]), ((Number) r[2]).longValue()))
        .toList();
  }

  public Map<String, Delivery> latestPerChannel() {
    Map<String, Delivery> result = new HashMap<>();
    em.createQuery(
            "SELECT d FROM Delivery d WHERE d.channelId IS NOT NULL AND d.createdAt ="
                + " (SELECT MAX(d2.createdAt) FROM Delivery d2 WHERE d2.channelId = d.channelId)",
            Delivery.class)
        .getResultList()
        .forEach(d -> result.putIfAbsent(d.channelId(), d));
    return result;
  }

  /** The alert type of each event, for showing it in the list without a join per row. */
  public Map<String, String> alertTypes(List<String> eventIds) {
    Map<String, String> result = new HashMap<>();
    if (eventIds.isEmpty()) {
      return result;
    }
    em.createQuery("SELECT e.id, e.alertType FROM AlertEvent e WHERE e.id IN :ids", Object[].class)
        .setParameter("ids", eventIds)
        .getResultList()
        .forEach(row -> result.put((String) row[0], (String) row[1]));
    return result;
  }

  private static String where(Criteria c, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (c.channelId() != null) {
      clauses.add("d.channelId = :channelId");
      params.put("channelId", c.channelId());
    }
    if (c.status() != null) {
      clauses.add("d.status = :status");
      params.put("status", c.status());
    }
    if (c.realOnly() != null) {
      clauses.add(c.realOnly() ? "d.kind <> :test" : "d.kind = :test");
      params.put("test", DeliveryKind.TEST);
    }
    if (c.from() != null) {
      clauses.add("d.createdAt >= :from");
      params.put("from", c.from().toEpochMilli());
    }
    if (c.to() != null) {
      clauses.add("d.createdAt < :to");
      params.put("to", c.to().toEpochMilli());
    }
    if (c.alertType() != null) {
      clauses.add("d.eventId IN (SELECT e.id FROM AlertEvent e WHERE e.alertType = :alertType)");
      params.put("alertType", c.alertType());
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }
}
