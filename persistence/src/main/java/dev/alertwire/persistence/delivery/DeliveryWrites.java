package dev.alertwire.persistence.delivery;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.persistence.event.AlertEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery path's hot writes in plain JDBC, for {@link dev.alertwire.persistence.GroupCommit}: an accepted
 * alert with its deliveries, a claim, a recorded attempt. Each does what the matching entity method or
 * {@link DeliveryRepository} query does, on the caller's connection and in its transaction, and touches no
 * persistence context (the unit of work made a batch cost more the longer it grew).
 */
public final class DeliveryWrites {
  private static final String UNFINISHED = "('PENDING', 'RETRYING', 'RATE_LIMITED')";

  private DeliveryWrites() {}

  /**
   * An alert's event and one new delivery per channel; older unfinished ones superseded first where asked.
   *
   * @return per superseding channel, how many of its unfinished deliveries were superseded (what
   *     {@link DeliveryRepository#supersede} answers), in the order given
   */
  public static Map<String, Integer> queue(
      Connection c, AlertEvent event, List<Delivery> deliveries, List<String> supersedingChannels, Instant now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO alert_event (id, check_id, alert_type, occurred_at, variables, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, event.id());
      s.setString(2, event.checkId());
      s.setString(3, event.alertType());
      s.setLong(4, event.occurredAt().toEpochMilli());
      s.setString(5, event.variablesJson());
      s.setLong(6, event.createdAt().toEpochMilli());
      s.executeUpdate();
    }
    Map<String, Integer> superseded = new LinkedHashMap<>();
    if (event.checkId() != null && !supersedingChannels.isEmpty()) {
      // One UPDATE per channel, not a JDBC batch: its count feeds a metric, and a driver may answer a batch
      // with SUCCESS_NO_INFO instead of counts. Few channels ask for superseding.
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE delivery SET status = 'SUPERSEDED', next_attempt_at = NULL, finished_at = ?, last_error = ?, version = version + 1"
                  + " WHERE channel_id = ? AND check_id = ? AND status IN " + UNFINISHED)) {
        for (String channelId : supersedingChannels) {
          s.setLong(1, now.toEpochMilli());
          s.setString(2, "superseded by the newer alert " + event.id());
          s.setString(3, channelId);
          s.setString(4, event.checkId());
          superseded.merge(channelId, s.executeUpdate(), Integer::sum);
        }
      }
    }
    if (deliveries.isEmpty()) {
      return superseded;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO delivery (id, event_id, channel_id, channel_name, kind, status, attempts, next_attempt_at, created_at, version, check_id,"
                + " alert_type) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 1, ?, ?)")) {
      for (Delivery d : deliveries) {
        s.setString(1, d.id());
        s.setString(2, d.eventId());
        s.setString(3, d.channelId());
        s.setString(4, d.channelName());
        s.setString(5, d.kind().name());
        s.setString(6, d.status().name());
        setLong(s, 7, d.nextAttemptAt() == null ? null : d.nextAttemptAt().toEpochMilli());
        s.setLong(8, d.createdAt().toEpochMilli());
        s.setString(9, d.checkId());
        s.setString(10, d.alertType());
        s.addBatch();
      }
      s.executeBatch();
    }
    return superseded;
  }

  /**
   * Claims due deliveries, each with a conditional UPDATE: of instances racing for a row, one updates it.
   *
   * @return the ids claimed, in the order given
   */
  public static List<String> claim(Connection c, List<String> ids, String owner, Instant now, Instant leaseUntil) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE delivery SET lease_owner = ?, lease_until = ?, version = version + 1 WHERE id = ? AND status IN " + UNFINISHED
                + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)")) {
      for (String id : ids) {
        s.setString(1, owner);
        s.setLong(2, leaseUntil.toEpochMilli());
        s.setString(3, id);
        s.setLong(4, now.toEpochMilli());
        s.setLong(5, now.toEpochMilli());
        s.addBatch();
      }
      int[] counts = s.executeBatch();
      List<String> claimed = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
          claimed.add(ids.get(i));
        }
      }
      return claimed;
    }
  }

  /**
   * The delivery this instance claimed is over its channel's rate limit: it waits, due when the window frees,
   * and its lease is given back.
   *
   * @return 1, or 0 when the lease was no longer this instance's
   */
  public static int holdClaimed(Connection c, String deliveryId, String owner, Instant until) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE delivery SET status = 'RATE_LIMITED', next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, version = version + 1"
                + " WHERE id = ? AND lease_owner = ? AND status IN " + UNFINISHED)) {
      s.setLong(1, until.toEpochMilli());
      s.setString(2, deliveryId);
      s.setString(3, owner);
      return s.executeUpdate();
    }
  }

  /**
   * Claimed deliveries whose channel or event is gone: cancelled, their leases given back. Only while the
   * lease is still this instance's and the delivery unfinished.
   *
   * @return how many were cancelled
   */
  public static int cancelClaimed(Connection c, List<String> deliveryIds, String owner, Instant now) throws SQLException {
    if (deliveryIds.isEmpty()) {
      return 0;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE delivery SET status = 'CANCELLED', next_attempt_at = NULL, finished_at = ?, lease_owner = NULL, lease_until = NULL,"
                + " version = version + 1 WHERE id = ? AND lease_owner = ? AND status IN " + UNFINISHED)) {
      for (String id : deliveryIds) {
        s.setLong(1, now.toEpochMilli());
        s.setString(2, id);
        s.setString(3, owner);
        s.addBatch();
      }
      int cancelled = 0;
      for (int n : s.executeBatch()) {
        cancelled += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, n);
      }
      return cancelled;
    }
  }

  /** A due delivery of a channel known to be over its rate limit, to wait until the window frees. */
  public record Hold(String deliveryId, String channelId, Instant until) {}

  /**
   * Holds due deliveries of channels over their rate limit without claiming them, by primary key, in one
   * batch: a row that is no longer due, or that another instance is attempting, is left as it is. Held one
   * at a time as the dispatcher claimed them, a backlog of a few hundred took a pass per handful, and the
   * deliveries of every other channel queued behind it (docs/reliability.md, bug 10). The rows keep their
   * order: they all become due at the same time, and the due order then falls back on creation.
   *
   * @return how many were held, by channel
   */
  public static Map<String, Integer> hold(Connection c, List<Hold> holds, Instant now) throws SQLException {
    Map<String, Integer> held = new java.util.HashMap<>();
    if (holds.isEmpty()) {
      return held;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE delivery SET status = 'RATE_LIMITED', next_attempt_at = ?, version = version + 1 WHERE id = ? AND status IN "
                + UNFINISHED + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)")) {
      for (Hold h : holds) {
        s.setLong(1, h.until().toEpochMilli());
        s.setString(2, h.deliveryId());
        s.setLong(3, now.toEpochMilli());
        s.setLong(4, now.toEpochMilli());
        s.addBatch();
      }
      int[] counts = s.executeBatch();
      for (int i = 0; i < holds.size(); i++) {
        if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
          held.merge(holds.get(i).channelId(), 1, Integer::sum);
        }
      }
    }
    return held;
  }

  /** What an attempt's record needs of its delivery: the status it has now, when it was created, its kind. */
  public record Locked(DeliveryStatus status, Instant createdAt, DeliveryKind kind) {}

  /** A delivery's status and creation time, its row locked until the transaction ends; empty when it no longer exists. */
  public static Optional<Locked> lock(Connection c, String deliveryId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT status, created_at, kind FROM delivery WHERE id = ? FOR UPDATE")) {
      s.setString(1, deliveryId);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new Locked(DeliveryStatus.valueOf(r.getString(1)), Instant.ofEpochMilli(r.getLong(2)), DeliveryKind.valueOf(r.getString(3))))
            : Optional.empty();
      }
    }
  }

  /** Stores an attempt as {@link DeliveryAttempt} holds it (already redacted and fitted to its columns). */
  public static void insertAttempt(Connection c, DeliveryAttempt attempt) throws SQLException {
    DeliveryAttempt.Details d = attempt.details();
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO delivery_attempt (id, delivery_id, channel_id, attempt_number, started_at, duration_ms, request_method,"
                + " request_url, request_headers, request_body, response_status, response_headers, response_body, error_class,"
                + " error_message, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, attempt.id());
      s.setString(2, attempt.deliveryId());
      s.setString(3, attempt.channelId());
      s.setInt(4, d.number());
      s.setLong(5, d.startedAt().toEpochMilli());
      s.setLong(6, d.durationMs());
      s.setString(7, d.requestMethod());
      s.setString(8, d.requestUrl());
      s.setString(9, d.requestHeadersJson());
      s.setString(10, d.requestBody());
      if (d.responseStatus() == null) {
        s.setNull(11, Types.INTEGER);
      } else {
        s.setInt(11, d.responseStatus());
      }
      s.setString(12, d.responseHeadersJson());
      s.setString(13, d.responseBody());
      s.setString(14, d.errorClass() == null ? null : d.errorClass().name());
      s.setString(15, d.errorMessage());
      setLong(s, 16, d.nextAttemptAt() == null ? null : d.nextAttemptAt().toEpochMilli());
      s.executeUpdate();
    }
  }

  /**
   * What {@link Delivery#attempted} does to an unfinished delivery: one more attempt, the lease released, and
   * either due again at {@code next} or finished with {@code finalStatus}.
   *
   * @return whether the delivery was still unfinished and so changed
   */
  public static boolean attempted(
      Connection c, String deliveryId, Integer httpStatus, String error, Instant next, DeliveryStatus finalStatus, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE delivery SET attempts = attempts + 1, last_status = ?, last_error = ?, lease_owner = NULL, lease_until = NULL,"
                + " status = ?, next_attempt_at = ?, finished_at = COALESCE(?, finished_at), version = version + 1"
                + " WHERE id = ? AND status IN " + UNFINISHED)) {
      if (httpStatus == null) {
        s.setNull(1, Types.INTEGER);
      } else {
        s.setInt(1, httpStatus);
      }
      s.setString(2, error == null || error.length() <= 4000 ? error : error.substring(0, 4000));
      s.setString(3, (next != null ? DeliveryStatus.RETRYING : finalStatus).name());
      setLong(s, 4, next == null ? null : next.toEpochMilli());
      setLong(s, 5, next == null ? now.toEpochMilli() : null);
      s.setString(6, deliveryId);
      return s.executeUpdate() == 1;
    }
  }

  private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value);
    }
  }
}
