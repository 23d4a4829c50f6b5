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
      String checkId,
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

  /** @param matching what {@link #count} answered: no query for a page past the end */
  public List<Delivery> page(Criteria criteria, int offset, int limit, long matching) {
    if (offset >= matching) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    Sort sort = criteria.sort() == null ? Sort.CREATED : criteria.sort();
    // Only the default order, newest first, has an index to read from either end.
    boolean newestFirst = sort == Sort.CREATED && !criteria.ascending();
    NewestFirstPage window = newestFirst ? NewestFirstPage.of(offset, limit, matching) : new NewestFirstPage(false, offset, limit);
    String order =
        newestFirst
            ? window.order(DeliveryRepository.leading(criteria.channelId(), criteria.status(), criteria.alertType()))
            : sort.path + (criteria.ascending() ? " ASC" : " DESC") + ", d.createdAt DESC, d.id DESC";
    TypedQuery<Delivery> query =
        em.createQuery(
            "SELECT d FROM Delivery d" + where(criteria, params) + " ORDER BY " + order,
            Delivery.class);
    params.forEach(query::setParameter);
    return window.read(query);
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

  /**
   * Each channel's most recent delivery, one look-up per channel in delivery_channel_newest. (A correlated
   * MAX per delivery read every delivery of the channel for each of its deliveries: 10 s with 20,000.)
   */
  public Map<String, Delivery> latestPerChannel(List<String> channelIds) {
    Map<String, Delivery> result = new HashMap<>();
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Delivery> latest =
        em.createQuery(
            "SELECT d FROM Delivery d WHERE " + DeliveryRepository.channelClause(true, params) + " ORDER BY "
                + DeliveryRepository.newestFirst("d.channelId"),
            Delivery.class);
    params.forEach(latest::setParameter);
    for (String channelId : channelIds) {
      latest.setParameter("channelId", channelId).setMaxResults(1).getResultList().forEach(d -> result.put(channelId, d));
    }
    return result;
  }

  /** How a channel's finished deliveries ended; tests, cancelled and superseded ones are not counted. */
  public record Outcomes(long succeeded, long failed) {
    /** Succeeded out of finished, 0 to 1; null when none finished. */
    public Double successRate() {
      long finished = succeeded + failed;
      return finished == 0 ? null : (double) succeeded / finished;
    }
  }

  /**
   * Each channel's outcomes of the real deliveries that finished from the hour {@code since} falls in to now,
   * read from the hourly counters ({@link ChannelOutcomeCounts}): at most 25 rows a channel for a day. (Counting
   * the deliveries themselves took 1,235 ms with 142,850 in a day.)
   */
  public Map<String, Outcomes> outcomesSince(java.time.Instant since) {
    Map<String, Outcomes> result = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT channel_id, SUM(succeeded), SUM(failed) FROM channel_outcome_hour WHERE hour_start >= ? GROUP BY channel_id")
            .setParameter(1, ChannelOutcomeCounts.hourOf(since))
            .getResultList();
    rows.forEach(r -> result.put((String) r[0], new Outcomes(((Number) r[1]).longValue(), ((Number) r[2]).longValue())));
    return result;
  }

  private static String where(Criteria c, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (c.channelId() != null) {
      clauses.add(DeliveryRepository.channelClause(c.to() == null, params));
      params.put("channelId", c.channelId());
    }
    if (c.checkId() != null) {
      clauses.add("d.checkId = :checkId");
      params.put("checkId", c.checkId());
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
      clauses.add("d.alertType = :alertType");
      params.put("alertType", c.alertType());
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }
}
