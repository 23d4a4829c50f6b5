package dev.alertwire.persistence.delivery;

import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.persistence.DatabaseSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deliveries and their attempts; runs in the caller's transaction. */
@ApplicationScoped
public class DeliveryRepository {
  static final List<DeliveryStatus> UNFINISHED =
      List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING, DeliveryStatus.RATE_LIMITED);

  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  public void add(Delivery delivery) {
    em.persist(delivery);
  }

  /** Inserts pending deliveries now, before attempts that refer to them by a plain column. */
  public void flush() {
    em.flush();
  }

  public void addAttempt(DeliveryAttempt attempt) {
    em.persist(attempt);
  }

  public Optional<Delivery> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(Delivery.class, id));
  }

  /** The deliveries of these ids that exist, in one query. */
  public List<Delivery> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT d FROM Delivery d WHERE d.id IN :ids", Delivery.class).setParameter("ids", ids).getResultList();
  }

  /**
   * The delivery, read and row-locked until the transaction ends: for a user's change (cancel) that must not
   * fail because the dispatcher claimed or recorded the delivery between the read and the commit.
   */
  public Optional<Delivery> findForUpdate(String id) {
    return Optional.ofNullable(id == null ? null : em.find(Delivery.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  /** A due delivery and its channel (null once the channel is deleted). */
  public record Due(String id, String channelId) {}

  /**
   * Unfinished deliveries due now and not leased by a live attempt, oldest due first, at most {@code limit}.
   * Only unfinished deliveries have a next attempt time (finishing clears it), so the query asks for a time
   * above zero instead of for the status: it then walks the delivery_next index from its start and stops
   * after {@code limit} rows, however long the backlog (a status IN list made it read and sort every due
   * row, on every pass: 55 ms with 57,000 waiting).
   */
  public List<Due> due(Instant now, int limit) {
    return em.createQuery(
            "SELECT d.id, d.channelId FROM Delivery d WHERE d.nextAttemptAt > 0 AND d.nextAttemptAt <= :now"
                + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) ORDER BY d.nextAttemptAt, d.createdAt",
            Object[].class)
        .setParameter("now", now.toEpochMilli())
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(r -> new Due((String) r[0], (String) r[1]))
        .toList();
  }

  /**
   * The same, past the deliveries of {@code skipChannels} (channels with no free slot, or over their rate
   * limit), looking at no more than the {@code walk} oldest due deliveries. A read that only finds such
   * channels' rows cannot start anything; read again without them, a slow channel's backlog no longer hides
   * the other channels' deliveries behind it (docs/reliability.md, bug 9). The bound keeps the cost of a look
   * from growing with that backlog: its rows are checked one by one, delivery_next holds no channel.
   */
  public List<Due> dueLookingPast(Instant now, int walk, int limit, java.util.Collection<String> skipChannels) {
    String skip = java.util.stream.IntStream.range(0, skipChannels.size()).mapToObj(i -> "?" + (i + 3))
        .collect(java.util.stream.Collectors.joining(", "));
    var query =
        em.createNativeQuery(
            "SELECT t.id, t.channel_id FROM (SELECT id, channel_id, next_attempt_at, created_at FROM delivery"
                + " WHERE next_attempt_at > 0 AND next_attempt_at <= ?1 AND (lease_until IS NULL OR lease_until < ?2)"
                + " ORDER BY next_attempt_at, created_at FETCH FIRST " + Math.max(1, walk) + " ROWS ONLY) t"
                + (skipChannels.isEmpty() ? "" : " WHERE t.channel_id IS NULL OR t.channel_id NOT IN (" + skip + ")")
                + " ORDER BY t.next_attempt_at, t.created_at FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
    query.setParameter(1, now.toEpochMilli());
    query.setParameter(2, now.toEpochMilli());
    int p = 3;
    for (String channel : skipChannels) {
      query.setParameter(p++, channel);
    }
    List<?> rows = query.getResultList();
    return rows.stream().map(r -> (Object[]) r).map(r -> new Due((String) r[0], (String) r[1])).toList();
  }

  /**
   * When the dispatcher next has something to do: the earliest due time of a delivery not in flight, or, with
   * {@code otherInstances}, the earliest lease expiry (an instance that died leaves its leases to expire).
   * The first reads one entry past the in-flight ones in delivery_next; the second reads every unfinished
   * delivery, so an embedded database, whose leases are all this JVM's, skips it.
   */
  public Optional<Instant> nextWakeUp(boolean otherInstances) {
    List<Long> due =
        em.createQuery(
                "SELECT d.nextAttemptAt FROM Delivery d WHERE d.nextAttemptAt > 0 AND d.leaseUntil IS NULL"
                    + " ORDER BY d.nextAttemptAt",
                Long.class)
            .setMaxResults(1)
            .getResultList();
    Long leaseEnd =
        otherInstances
            ? em.createQuery(
                    "SELECT MIN(d.leaseUntil) FROM Delivery d WHERE d.status IN :unfinished AND d.leaseUntil IS NOT NULL",
                    Long.class)
                .setParameter("unfinished", UNFINISHED)
                .getSingleResult()
            : null;
    Optional<Long> earliest = due.stream().findFirst();
    if (leaseEnd != null && (earliest.isEmpty() || leaseEnd < earliest.get())) {
      earliest = Optional.of(leaseEnd);
    }
    return earliest.map(Instant::ofEpochMilli);
  }

  /**
   * Marks a channel's unfinished deliveries about a check as superseded by a newer alert. One in flight
   * finishes its current attempt but is not retried (the recorder keeps the final status).
   */
  public int supersede(String channelId, String checkId, String newerEventId, Instant now) {
    return em.createQuery(
            "UPDATE Delivery d SET d.status = :superseded, d.nextAttemptAt = NULL, d.finishedAt = :now,"
                + " d.lastError = :reason, d.version = d.version + 1"
                + " WHERE d.channelId = :channel AND d.checkId = :check AND d.status IN :unfinished")
        .setParameter("superseded", DeliveryStatus.SUPERSEDED)
        .setParameter("now", now.toEpochMilli())
        .setParameter("reason", "superseded by the newer alert " + newerEventId)
        .setParameter("channel", channelId)
        .setParameter("check", checkId)
        .setParameter("unfinished", UNFINISHED)
        .executeUpdate();
  }

  /** Attempts a channel started since {@code since}: what its rate limit counts. */
  public long attemptsSince(String channelId, Instant since) {
    return em.createQuery(
            "SELECT COUNT(a) FROM DeliveryAttempt a WHERE a.channelId = :channel AND a.startedAt >= :since", Long.class)
        .setParameter("channel", channelId)
        .setParameter("since", since.toEpochMilli())
        .getSingleResult();
  }

  /** The oldest attempt start in the window: when it leaves the window, one more may go. */
  public Optional<Instant> oldestAttemptSince(String channelId, Instant since) {
    Long oldest =
        em.createQuery(
                "SELECT MIN(a.startedAt) FROM DeliveryAttempt a WHERE a.channelId = :channel AND a.startedAt >= :since",
                Long.class)
            .setParameter("channel", channelId)
            .setParameter("since", since.toEpochMilli())
            .getSingleResult();
    return Optional.ofNullable(oldest).map(Instant::ofEpochMilli);
  }

  /** Removes events older than the cutoff whose deliveries are all finished; deliveries and attempts go with them. */
  public int pruneFinishedBefore(Instant cutoff) {
    // The channel list reads a day of counters; older ones go with the record they counted.
    em.createNativeQuery("DELETE FROM channel_outcome_hour WHERE hour_start < ?")
        .setParameter(1, ChannelOutcomeCounts.hourOf(cutoff))
        .executeUpdate();
    List<String> ids =
        em.createQuery(
                "SELECT e.id FROM AlertEvent e WHERE e.createdAt < :cutoff AND NOT EXISTS"
                    + " (SELECT d FROM Delivery d WHERE d.eventId = e.id AND d.status IN :unfinished)",
                String.class)
            .setParameter("cutoff", cutoff.toEpochMilli())
            .setParameter("unfinished", UNFINISHED)
            .setMaxResults(5_000)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    em.createQuery("DELETE FROM DeliveryAttempt a WHERE a.deliveryId IN (SELECT d.id FROM Delivery d WHERE d.eventId IN :ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    em.createQuery("DELETE FROM Delivery d WHERE d.eventId IN :ids").setParameter("ids", ids).executeUpdate();
    return em.createQuery("DELETE FROM AlertEvent e WHERE e.id IN :ids").setParameter("ids", ids).executeUpdate();
  }

  /**
   * Counts a delivery the caller has just finished with an attempt in its channel's hourly outcome counter
   * ({@link ChannelOutcomeCounts}), in the caller's transaction; nothing for test-sends or other statuses.
   */
  public void countFinished(Delivery d, Instant now) {
    if (ChannelOutcomeCounts.counts(d.channelId(), d.kind(), d.status())) {
      var upsert = em.createNativeQuery(ChannelOutcomeCounts.upsertFor(DatabaseSettings.url().startsWith("jdbc:postgresql:")));
      Object[] values = ChannelOutcomeCounts.parameters(d.channelId(), d.status(), now);
      for (int i = 0; i < values.length; i++) {
        upsert.setParameter(i + 1, values[i]);
      }
      upsert.executeUpdate();
    }
  }

  /** For a single-instance database (embedded H2): leases left by a previous run of this JVM are void. */
  public int releaseAllLeases() {
    return em.createQuery("UPDATE Delivery d SET d.leaseOwner = NULL, d.leaseUntil = NULL WHERE d.leaseUntil IS NOT NULL")
        .executeUpdate();
  }

  /** @param matching what {@link #count} answered for the filter: no query for a page past the end */
  public List<Delivery> page(DeliveryFilter filter, int offset, int limit, long matching) {
    if (offset >= matching) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    NewestFirstPage window = NewestFirstPage.of(offset, limit, matching);
    TypedQuery<Delivery> query =
        em.createQuery(
            "SELECT d FROM Delivery d" + where(filter, params) + " ORDER BY "
                + window.order(leading(filter.channelId(), filter.status(), filter.alertType())),
            Delivery.class);
    params.forEach(query::setParameter);
    return window.read(query);
  }

  /**
   * Newest first, led by the column a filter fixes to one value. The order is the same, and H2 then reads
   * that column's (column, created_at DESC, id DESC) index in order and stops after the page; sorted by
   * created_at alone, it sorts every match (200,000 for a channel of a million deliveries: a second).
   */
  public static String newestFirst(String fixedColumn) {
    return NewestFirstPage.of(0, 1, 1).order(fixedColumn);
  }

  /** The column of the filters given whose newest-first index a page reads: channel, else status, else alert type. */
  static String leading(String channelId, Object status, String alertType) {
    return channelId != null ? "d.channelId" : status != null ? "d.status" : alertType != null ? "d.alertType" : null;
  }

  /**
   * The channel filter. On H2 the foreign key has an index of its own on channel_id, which H2 may pick and
   * then sort every match (a second for 200,000); a condition on created_at as well, true of every row when
   * there is no upper bound already, makes delivery_channel_newest the better match, read in order.
   */
  static String channelClause(boolean addBound, Map<String, Object> params) {
    if (!addBound) {
      return "d.channelId = :channelId";
    }
    params.put("createdBound", Long.MAX_VALUE);
    return "d.channelId = :channelId AND d.createdAt < :createdBound";
  }

  public long count(DeliveryFilter filter) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Long> query = em.createQuery("SELECT COUNT(d) FROM Delivery d" + where(filter, params), Long.class);
    params.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /**
   * Attempts, after {@code afterId} in id order, with any of these texts in a stored field: a page of the
   * records to scrub when a value becomes a secret. Each needle is matched literally (LIKE wildcards escaped).
   */
  public List<DeliveryAttempt> attemptsContaining(List<String> needles, String afterId, int limit) {
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < needles.size(); i++) {
      for (String column : List.of("requestUrl", "requestHeadersJson", "requestBody", "responseHeadersJson", "responseBody", "errorMessage")) {
        where.append(where.length() == 0 ? "" : " OR ").append("a.").append(column).append(" LIKE :n").append(i).append(" ESCAPE '!'");
      }
    }
    var query =
        em.createQuery(
                "SELECT a FROM DeliveryAttempt a WHERE a.id > :after AND (" + where + ") ORDER BY a.id", DeliveryAttempt.class)
            .setParameter("after", afterId)
            .setMaxResults(limit);
    for (int i = 0; i < needles.size(); i++) {
      query.setParameter("n" + i, "%" + needles.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    return query.getResultList();
  }

  public List<DeliveryAttempt> attempts(String deliveryId) {
    return em.createQuery(
            "SELECT a FROM DeliveryAttempt a WHERE a.deliveryId = :id ORDER BY a.number", DeliveryAttempt.class)
        .setParameter("id", deliveryId)
        .getResultList();
  }

  private static String where(DeliveryFilter f, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (f.checkId() != null) {
      clauses.add("d.checkId = :checkId");
      params.put("checkId", f.checkId());
    }
    if (f.channelId() != null) {
      clauses.add(channelClause(f.to() == null, params));
      params.put("channelId", f.channelId());
    }
    if (f.status() != null) {
      clauses.add("d.status = :status");
      params.put("status", f.status());
    }
    if (f.from() != null) {
      clauses.add("d.createdAt >= :from");
      params.put("from", f.from().toEpochMilli());
    }
    if (f.to() != null) {
      clauses.add("d.createdAt < :to");
      params.put("to", f.to().toEpochMilli());
    }
    if (f.alertType() != null) {
      // On the delivery since V13 (it used to join the events: 371 to 399 ms at 1,000,000 deliveries).
      clauses.add("d.alertType = :alertType");
      params.put("alertType", f.alertType());
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }
}
