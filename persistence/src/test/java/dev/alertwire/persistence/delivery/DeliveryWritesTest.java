package dev.alertwire.persistence.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.persistence.TestChannels;
import dev.alertwire.persistence.event.AlertEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group commit's JDBC writes do what the entities and repository queries they stand for do. */
class DeliveryWritesTest {
  private static final String URL = "jdbc:h2:mem:delivery-writes;DB_CLOSE_DELAY=-1";
  private Connection db;
  private final Instant now = Instant.parse("2026-11-30T06:00:00Z");
  private Map<String, Integer> lastSuperseded;

  @BeforeEach
  void migrate() throws SQLException {
    Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
    db = DriverManager.getConnection(URL, "sa", "");
    TestChannels.insert(db, 2);
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private List<String> queue(String checkId, List<String> superseding, Instant at) throws SQLException {
    AlertEvent event = new AlertEvent(checkId, "ALERT_FAILURE", at, "{\"CHECK_ID\":\"" + checkId + "\"}", at);
    List<Delivery> rows =
        List.of(
            new Delivery(event.id(), checkId, event.alertType(), "channel-1", "c1", DeliveryKind.ALERT, at),
            new Delivery(event.id(), checkId, event.alertType(), "channel-2", "c2", DeliveryKind.ALERT, at));
    lastSuperseded = DeliveryWrites.queue(db, event, rows, superseding, at);
    return rows.stream().map(Delivery::id).toList();
  }

  private String column(String id, String column) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT " + column + " FROM delivery WHERE id = '" + id + "'")) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  void aNewerAlertSupersedesOnlyTheChannelsThatAskForIt() throws SQLException {
    List<String> older = queue("check-a", List.of(), now);
    List<String> newer = queue("check-a", List.of("channel-1"), now.plusSeconds(1));
    assertEquals(Map.of("channel-1", 1), lastSuperseded, "the count the superseded metric is given");
    assertEquals("SUPERSEDED", column(older.get(0), "status"));
    assertNull(column(older.get(0), "next_attempt_at"));
    assertEquals("PENDING", column(older.get(1), "status"));
    assertEquals("PENDING", column(newer.get(0), "status"));
    assertEquals(String.valueOf(now.plusSeconds(1).toEpochMilli()), column(newer.get(0), "next_attempt_at"));
    queue("check-a", List.of("channel-1", "channel-2"), now.plusSeconds(2));
    assertEquals(Map.of("channel-1", 1, "channel-2", 2), lastSuperseded);
    queue("check-other", List.of("channel-1"), now.plusSeconds(3));
    assertEquals(Map.of("channel-1", 0), lastSuperseded, "another check's deliveries stay");
  }

  @Test
  void aRowIsClaimedOnceUntilItsLeaseEnds() throws SQLException {
    List<String> ids = queue("check-b", List.of(), now);
    assertEquals(ids, DeliveryWrites.claim(db, ids, "one", now, now.plusSeconds(60)));
    assertEquals(List.of(), DeliveryWrites.claim(db, ids, "two", now.plusSeconds(1), now.plusSeconds(61)));
    assertEquals(ids, DeliveryWrites.claim(db, ids, "two", now.plusSeconds(61), now.plusSeconds(121)));
    assertEquals("two", column(ids.get(0), "lease_owner"));
  }

  @Test
  void anAttemptOnASupersededDeliveryIsRecordedWithoutReopeningIt() throws SQLException {
    String id = queue("check-c", List.of(), now).get(0);
    DeliveryWrites.claim(db, List.of(id), "one", now, now.plusSeconds(60));
    queue("check-c", List.of("channel-1"), now.plusSeconds(1));
    DeliveryWrites.Locked locked = DeliveryWrites.lock(db, id).orElseThrow();
    assertEquals(DeliveryStatus.SUPERSEDED, locked.status());
    assertEquals(now, locked.createdAt(), "what the first-attempt delay is measured from");
    DeliveryWrites.attempted(db, id, 500, null, now.plusSeconds(20), DeliveryStatus.FAILED, now.plusSeconds(2));
    assertEquals("SUPERSEDED", column(id, "status"));
    assertEquals("0", column(id, "attempts"));
  }

  @Test
  void anAttemptReleasesTheLeaseAndRetriesOrFinishes() throws SQLException {
    List<String> ids = queue("check-d", List.of(), now);
    DeliveryWrites.claim(db, ids, "one", now, now.plusSeconds(60));
    DeliveryWrites.attempted(db, ids.get(0), 503, null, now.plusSeconds(20), DeliveryStatus.FAILED, now);
    DeliveryWrites.attempted(db, ids.get(1), 200, null, null, DeliveryStatus.SUCCEEDED, now);
    assertEquals("RETRYING", column(ids.get(0), "status"));
    assertNull(column(ids.get(0), "lease_owner"));
    assertNull(column(ids.get(0), "finished_at"));
    assertEquals(String.valueOf(now.plusSeconds(20).toEpochMilli()), column(ids.get(0), "next_attempt_at"));
    assertEquals("SUCCEEDED", column(ids.get(1), "status"));
    assertEquals(String.valueOf(now.toEpochMilli()), column(ids.get(1), "finished_at"));
    assertEquals("1", column(ids.get(1), "attempts"));
    assertNull(column(ids.get(1), "next_attempt_at"));
  }

  @Test
  void aClaimedDeliveryOverTheRateLimitWaitsAndGivesItsLeaseBack() throws SQLException {
    String id = queue("check-e", List.of(), now).get(0);
    DeliveryWrites.claim(db, List.of(id), "one", now, now.plusSeconds(60));
    Instant until = now.plusSeconds(40);
    assertEquals(0, DeliveryWrites.holdClaimed(db, id, "two", until), "not the lease of this instance");
    assertEquals(1, DeliveryWrites.holdClaimed(db, id, "one", until));
    assertEquals("RATE_LIMITED", column(id, "status"));
    assertEquals(String.valueOf(until.toEpochMilli()), column(id, "next_attempt_at"));
    assertNull(column(id, "lease_owner"));
  }

  @Test
  void claimedDeliveriesWhoseChannelIsGoneAreCancelledOnlyUnderTheirLease() throws SQLException {
    List<String> ids = queue("check-g", List.of(), now);
    DeliveryWrites.claim(db, List.of(ids.get(0)), "one", now, now.plusSeconds(60));
    DeliveryWrites.claim(db, List.of(ids.get(1)), "two", now, now.plusSeconds(60));
    Instant at = now.plusSeconds(5);
    assertEquals(1, DeliveryWrites.cancelClaimed(db, ids, "one", at), "only the lease this instance holds");
    assertEquals("CANCELLED", column(ids.get(0), "status"));
    assertEquals(String.valueOf(at.toEpochMilli()), column(ids.get(0), "finished_at"));
    assertNull(column(ids.get(0), "next_attempt_at"));
    assertNull(column(ids.get(0), "lease_owner"));
    assertEquals("PENDING", column(ids.get(1), "status"));
    assertEquals(0, DeliveryWrites.cancelClaimed(db, List.of(ids.get(0)), "one", at), "finished: left as it is");
    assertEquals(0, DeliveryWrites.cancelClaimed(db, List.of(), "one", at));
  }

  @Test
  void aRateLimitHoldsDueDeliveriesByIdAndLeavesLiveAttemptsAndLaterOnesAlone() throws SQLException {
    List<String> free = queue("check-f1", List.of(), now);
    List<String> ownLive = queue("check-f2", List.of(), now);
    List<String> otherLive = queue("check-f3", List.of(), now);
    List<String> otherExpired = queue("check-f4", List.of(), now);
    List<String> later = queue("check-f5", List.of(), now.plusSeconds(600));
    DeliveryWrites.claim(db, List.of(ownLive.get(0)), "one", now, now.plusSeconds(60));
    DeliveryWrites.claim(db, List.of(otherLive.get(0)), "two", now, now.plusSeconds(60));
    DeliveryWrites.claim(db, List.of(otherExpired.get(0)), "two", now, now.plusSeconds(2));
    Instant at = now.plusSeconds(3);
    Instant until = now.plusSeconds(60);
    List<DeliveryWrites.Hold> holds = new java.util.ArrayList<>();
    for (List<String> ids : List.of(free, ownLive, otherLive, otherExpired, later)) {
      holds.add(new DeliveryWrites.Hold(ids.get(0), "channel-1", until));
    }

    assertEquals(Map.of("channel-1", 2), DeliveryWrites.hold(db, holds, at), "the free one and the one whose lease ran out");

    for (String id : List.of(free.get(0), otherExpired.get(0))) {
      assertEquals("RATE_LIMITED", column(id, "status"));
      assertEquals(String.valueOf(until.toEpochMilli()), column(id, "next_attempt_at"));
    }
    assertEquals("PENDING", column(ownLive.get(0), "status"), "an attempt in flight here is not held under it");
    assertEquals("one", column(ownLive.get(0), "lease_owner"));
    assertEquals("PENDING", column(otherLive.get(0), "status"), "nor one in flight on another instance");
    assertEquals("two", column(otherLive.get(0), "lease_owner"));
    assertEquals(String.valueOf(now.plusSeconds(600).toEpochMilli()), column(later.get(0), "next_attempt_at"), "not due yet");
    assertEquals("PENDING", column(free.get(1), "status"), "the other channel's delivery was not named");
  }
}
