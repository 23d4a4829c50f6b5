package dev.alertwire.persistence.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.persistence.TestChannels;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema's indexes serve the history's queries on H2, in the shape EclipseLink sends them: checked with
 * EXPLAIN over a few thousand migrated rows, so a dropped index or a query that stops using one shows here
 * rather than as a page taking seconds with a million deliveries (docs/benchmarks.md).
 */
class HistoryIndexesTest {
  private static final String URL = "jdbc:h2:mem:history-indexes;DB_CLOSE_DELAY=-1";
  private static Connection db;

  @BeforeAll
  static void migrateAndFill() throws SQLException {
    Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
    db = DriverManager.getConnection(URL, "sa", "");
    TestChannels.insert(db, 5);
    try (Statement s = db.createStatement()) {
      s.execute("INSERT INTO alert_event (id, check_id, alert_type, occurred_at, variables, created_at)"
          + " SELECT 'event-' || X, 'check-' || MOD(X, 100), CASE WHEN MOD(X, 4) = 0 THEN 'ALERT_RECOVERY' ELSE 'ALERT_FAILURE' END,"
          + " X * 1000, '{}', X * 1000 FROM SYSTEM_RANGE(1, 1000)");
      s.execute("INSERT INTO delivery (id, event_id, channel_id, channel_name, kind, status, attempts, created_at, version, check_id)"
          + " SELECT 'delivery-' || X, 'event-' || (1 + MOD(X, 1000)), 'channel-' || (1 + MOD(X, 5)), 'c', 'ALERT',"
          + " CASE WHEN MOD(X, 14) = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END, 1, X * 100, 0, 'check-' || MOD(X, 100)"
          + " FROM SYSTEM_RANGE(1, 5000)");
      s.execute("UPDATE delivery d SET alert_type = (SELECT e.alert_type FROM alert_event e WHERE e.id = d.event_id)");
      s.execute("ANALYZE");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  private static String plan(String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  void firstPageReadsTheNewestFirstIndexWithoutSorting() throws SQLException {
    String p = plan("SELECT ID FROM DELIVERY ORDER BY CREATED_AT DESC, ID DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
    assertTrue(p.contains("DELIVERY_NEWEST") && p.contains("index sorted"), p);
  }

  @Test
  void timeRangeReadsTheNewestFirstIndexWithoutSorting() throws SQLException {
    String p = plan("SELECT ID FROM DELIVERY WHERE CREATED_AT >= 1000 AND CREATED_AT < 200000"
        + " ORDER BY CREATED_AT DESC, ID DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
    assertTrue(p.contains("DELIVERY_NEWEST") && p.contains("index sorted"), p);
  }

  @Test
  void channelAndStatusPagesReadTheirIndexInOrder() throws SQLException {
    String channel = plan("SELECT ID FROM DELIVERY WHERE CHANNEL_ID = 'channel-2'"
        + " ORDER BY CHANNEL_ID, CREATED_AT DESC, ID DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
    assertTrue(channel.contains("DELIVERY_CHANNEL_NEWEST") && channel.contains("index sorted"), channel);
    String status = plan("SELECT ID FROM DELIVERY WHERE STATUS = 'FAILED'"
        + " ORDER BY STATUS, CREATED_AT DESC, ID DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
    assertTrue(status.contains("DELIVERY_STATUS_NEWEST") && status.contains("index sorted"), status);
  }

  @Test
  void checkFilterAndSupersedingUseTheCheckIndex() throws SQLException {
    assertTrue(plan("SELECT COUNT(ID) FROM DELIVERY WHERE CHECK_ID = 'check-42'").contains("DELIVERY_CHECK"));
    assertTrue(plan("SELECT ID FROM DELIVERY WHERE CHANNEL_ID = 'channel-1' AND CHECK_ID = 'check-42'"
        + " AND STATUS IN ('PENDING', 'RETRYING', 'RATE_LIMITED')").contains("DELIVERY_CHECK"));
  }

  @Test
  void commonAlertTypeWalksTheNewestDeliveries() throws SQLException {
    String p = plan("SELECT ID FROM DELIVERY T0 WHERE EXISTS (SELECT 1 FROM ALERT_EVENT T1 WHERE T1.ID = T0.EVENT_ID"
        + " AND T1.ALERT_TYPE = 'ALERT_RECOVERY') ORDER BY T0.CREATED_AT DESC, T0.ID DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
    assertTrue(p.contains("DELIVERY_NEWEST") && p.contains("index sorted"), p);
  }

  @Test
  void dueDeliveriesAreReadInDueOrderFromTheirIndex() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("UPDATE delivery SET status = 'PENDING', next_attempt_at = created_at WHERE MOD(CAST(SUBSTRING(id, 10) AS INT), 3) = 0");
    }
    try {
      String due = plan("SELECT ID, CHANNEL_ID FROM DELIVERY WHERE ((NEXT_ATTEMPT_AT > 0) AND (NEXT_ATTEMPT_AT <= 400000))"
          + " AND ((LEASE_UNTIL IS NULL) OR (LEASE_UNTIL < 400000)) ORDER BY NEXT_ATTEMPT_AT, CREATED_AT FETCH FIRST 128 ROWS ONLY");
      assertTrue(due.contains("DELIVERY_NEXT") && due.contains("index sorted"), due);
      String next = plan("SELECT NEXT_ATTEMPT_AT FROM DELIVERY WHERE (NEXT_ATTEMPT_AT > 0) AND (LEASE_UNTIL IS NULL)"
          + " ORDER BY NEXT_ATTEMPT_AT FETCH FIRST 1 ROWS ONLY");
      assertTrue(next.contains("DELIVERY_NEXT") && next.contains("index sorted"), next);
    } finally {
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE delivery SET status = 'SUCCEEDED', next_attempt_at = NULL WHERE next_attempt_at IS NOT NULL");
      }
    }
  }

  @Test
  void anAlertTypeIsCountedAndPagedFromTheDeliverysOwnIndex() throws SQLException {
    // What DeliveryRepository and DeliverySearch send for ?alertType= since V13: no join to the events.
    String count = plan("SELECT COUNT(ID) FROM DELIVERY WHERE ALERT_TYPE = 'ALERT_RECOVERY'");
    assertTrue(count.contains("DELIVERY_TYPE_NEWEST") && !count.contains("ALERT_EVENT"), count);
    String page = plan("SELECT ID FROM DELIVERY WHERE ALERT_TYPE = 'ALERT_RECOVERY'"
        + " ORDER BY ALERT_TYPE, CREATED_AT DESC, ID DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
    assertTrue(page.contains("DELIVERY_TYPE_NEWEST") && page.contains("index sorted"), page);
  }

  @Test
  void aPageNearTheOldestEndReadsTheSameIndexesFromTheirOtherEndWithoutSorting() throws SQLException {
    // What NewestFirstPage has DeliveryRepository and DeliverySearch send for a page past the middle.
    String oldest = "OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY";
    assertReadInOrder("DELIVERY_NEWEST", plan("SELECT ID FROM DELIVERY ORDER BY CREATED_AT ASC, ID ASC " + oldest));
    assertReadInOrder("DELIVERY_CHANNEL_NEWEST", plan("SELECT ID FROM DELIVERY WHERE CHANNEL_ID = 'channel-2'"
        + " AND CREATED_AT < 9223372036854775807 ORDER BY CHANNEL_ID DESC, CREATED_AT ASC, ID ASC " + oldest));
    assertReadInOrder("DELIVERY_STATUS_NEWEST", plan("SELECT ID FROM DELIVERY WHERE STATUS = 'FAILED'"
        + " ORDER BY STATUS DESC, CREATED_AT ASC, ID ASC " + oldest));
    assertReadInOrder("DELIVERY_TYPE_NEWEST", plan("SELECT ID FROM DELIVERY WHERE ALERT_TYPE = 'ALERT_RECOVERY'"
        + " ORDER BY ALERT_TYPE DESC, CREATED_AT ASC, ID ASC " + oldest));
  }

  @Test
  void aChannelsDeliveriesOfOneStatusAreCountedAndPagedFromTheChannelsIndexAlone() throws SQLException {
    // Since V14 the status is in the channel's index: the status is checked there, not in a row per entry.
    String where = " WHERE ((CHANNEL_ID = 'channel-2') AND (CREATED_AT < 9223372036854775807)) AND (STATUS = 'FAILED')";
    String count = plan("SELECT COUNT(ID) FROM DELIVERY" + where);
    assertTrue(count.contains("DELIVERY_CHANNEL_NEWEST: STATUS = 'FAILED'"), count);
    String page = plan("SELECT ID FROM DELIVERY" + where + " ORDER BY CHANNEL_ID, CREATED_AT DESC, ID DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
    assertTrue(page.contains("DELIVERY_CHANNEL_NEWEST: STATUS = 'FAILED'"), page);
    assertReadInOrder("DELIVERY_CHANNEL_NEWEST", page);
  }

  /** The plan reads this index and needs no sort after it: not even a partial one ("index sorted: 1 of 3 columns"). */
  private static void assertReadInOrder(String index, String plan) {
    assertTrue(plan.contains("PUBLIC." + index) && plan.contains("/* index sorted */"), plan);
  }
}
