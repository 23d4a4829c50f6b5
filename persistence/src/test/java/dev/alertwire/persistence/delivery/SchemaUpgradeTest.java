package dev.alertwire.persistence.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.delivery.DeliveryStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upgrade keeps a user's data: a database written by the release before issue 14's schema changes (schema
 * V11, deliveries of every kind and status in it) is migrated to the newest schema. The channel list's hourly
 * outcome counters (V12) hold what counting the deliveries gave, and counting one more delivery adds to its
 * hour; every delivery carries its event's alert type (V13) and the history's indexes are all there, the channel's with the
 * status (V14). On H2 always; on PostgreSQL too when
 * ALERTWIRE_TEST_POSTGRES_URL names a database (CI sets it; {@code scripts/postgres-for-tests.sh} makes one),
 * in a schema of its own that the test drops.
 */
class SchemaUpgradeTest {
  private static final long HOUR = 3_600_000L;
  private static final long T0 = Instant.parse("2026-11-30T06:00:00Z").toEpochMilli();

  record Database(String name, String url, String user, String password, String schema) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Database> databases() {
    List<Database> all = new ArrayList<>();
    all.add(new Database("H2", "jdbc:h2:mem:outcome-counts;DB_CLOSE_DELAY=-1", "sa", "", null));
    String pg = System.getenv("ALERTWIRE_TEST_POSTGRES_URL");
    if (pg != null && !pg.isBlank()) {
      all.add(new Database("PostgreSQL", pg + (pg.contains("?") ? "&" : "?") + "currentSchema=outcome_counts", "alertwire", "alertwire", "outcome_counts"));
    }
    return all.stream();
  }

  private static Flyway flyway(Database db, String target) {
    var config = Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").cleanDisabled(false);
    if (db.schema() != null) {
      config.schemas(db.schema()).createSchemas(true);
    }
    if (target != null) {
      config.target(target);
    }
    return config.load();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anUpgradeCountsTheDeliveriesItFindsAndLaterFinishesAddToThem(Database database) throws SQLException {
    flyway(database, null).clean();
    flyway(database, "11").migrate();
    try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
      try (Statement s = c.createStatement()) {
        for (String channel : List.of("a", "b")) {
          s.execute("INSERT INTO alert_channel (id, name, url, method, signature_scheme, activated, max_retries, retry_delay_ms, backoff,"
              + " connect_timeout_ms, response_timeout_ms, created_at, updated_at, version)"
              + " VALUES ('" + channel + "', 'channel " + channel + "', 'http://127.0.0.1/', 'POST', 'CHECKLY', TRUE, 5, 20000, 'FIXED',"
              + " 5000, 30000, 0, 0, 0)");
        }
        s.execute("INSERT INTO alert_event (id, check_id, alert_type, occurred_at, variables, created_at) VALUES ('e', 'c', 'ALERT_FAILURE', 0, '{}', 0)");
        s.execute("INSERT INTO alert_event (id, check_id, alert_type, occurred_at, variables, created_at) VALUES ('r', 'c', 'ALERT_RECOVERY', 0, '{}', 0)");
      }
      // What the release before V12 wrote: channel a, two hours; channel b, one; and rows the list never counted.
      insert(c, "a", "ALERT", "SUCCEEDED", T0 + 60_000, "r");
      insert(c, "a", "ALERT", "SUCCEEDED", T0 + 2 * 60_000);
      insert(c, "a", "ALERT", "FAILED", T0 + HOUR - 1);
      insert(c, "a", "REDELIVERY", "FAILED", T0 + HOUR + 5);
      insert(c, "b", "ALERT", "SUCCEEDED", T0 + 7);
      insert(c, "a", "TEST", "SUCCEEDED", T0 + 9);
      insert(c, "b", "ALERT", "CANCELLED", T0 + 9);
      insert(c, "b", "ALERT", "SUPERSEDED", T0 + 9);
      insert(c, "b", "ALERT", "RETRYING", T0 + 9);
      insert(c, null, "ALERT", "FAILED", T0 + 9);
      c.commit();
    }

    assertEquals(3, flyway(database, null).migrate().migrationsExecuted);
    assertEquals(0, flyway(database, null).info().pending().length, "nothing left to apply");
    try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
      assertEquals("a@" + T0 + "=2/1, a@" + (T0 + HOUR) + "=0/1, b@" + T0 + "=1/0", counters(c), "what the upgrade counted");
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT alert_type, COUNT(*) FROM delivery GROUP BY alert_type ORDER BY alert_type")) {
        StringBuilder types = new StringBuilder();
        while (r.next()) {
          types.append(r.getString(1)).append('=').append(r.getInt(2)).append(' ');
        }
        assertEquals("ALERT_FAILURE=9 ALERT_RECOVERY=1 ", types.toString(), "each delivery has its event's type, none is left empty");
      }
      try (ResultSet r = c.getMetaData().getIndexInfo(null, database.schema() == null ? "PUBLIC" : database.schema(),
          database.schema() == null ? "DELIVERY" : "delivery", false, false)) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.Map<Integer, String> channelNewest = new java.util.TreeMap<>();
        while (r.next()) {
          if (r.getString("INDEX_NAME") != null) {
            String name = r.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT);
            names.add(name);
            if (name.equals("delivery_channel_newest")) {
              channelNewest.put(r.getInt("ORDINAL_POSITION"), r.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
          }
        }
        assertTrue(names.containsAll(List.of("delivery_newest", "delivery_check", "delivery_next", "delivery_channel_newest",
            "delivery_status_newest", "delivery_type_newest")), "the indexes dropped for the backfill are back: " + names);
        assertEquals(List.of("channel_id", "created_at", "id", "status"), List.copyOf(channelNewest.values()),
            "the channel's index carries the status (V14)");
      }

      c.setAutoCommit(false);
      ChannelOutcomeCounts.add(c, "a", DeliveryStatus.FAILED, Instant.ofEpochMilli(T0 + HOUR + 30));
      ChannelOutcomeCounts.add(c, "b", DeliveryStatus.SUCCEEDED, Instant.ofEpochMilli(T0 + 3 * HOUR));
      c.commit();
      assertEquals("a@" + T0 + "=2/1, a@" + (T0 + HOUR) + "=0/2, b@" + T0 + "=1/0, b@" + (T0 + 3 * HOUR) + "=1/0", counters(c),
          "an existing hour adds, a new hour starts");

      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM alert_channel WHERE id = 'b'");
      }
      c.commit();
      assertTrue(counters(c).startsWith("a@") && !counters(c).contains("b@"), "a deleted channel's counters go with it: " + counters(c));
    } finally {
      if (database.schema() != null) {
        flyway(database, null).clean();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + database.schema() + " CASCADE");
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void onlyRealDeliveriesThatSucceededOrFailedCount() {
    assertTrue(ChannelOutcomeCounts.counts("a", dev.alertwire.domain.delivery.DeliveryKind.ALERT, DeliveryStatus.SUCCEEDED));
    assertTrue(ChannelOutcomeCounts.counts("a", dev.alertwire.domain.delivery.DeliveryKind.REDELIVERY, DeliveryStatus.FAILED));
    assertTrue(!ChannelOutcomeCounts.counts("a", dev.alertwire.domain.delivery.DeliveryKind.TEST, DeliveryStatus.SUCCEEDED));
    assertTrue(!ChannelOutcomeCounts.counts("a", dev.alertwire.domain.delivery.DeliveryKind.ALERT, DeliveryStatus.CANCELLED));
    assertTrue(!ChannelOutcomeCounts.counts(null, dev.alertwire.domain.delivery.DeliveryKind.ALERT, DeliveryStatus.FAILED));
    assertEquals(T0, ChannelOutcomeCounts.hourOf(Instant.ofEpochMilli(T0 + HOUR - 1)));
  }

  private static int next;

  private static void insert(Connection c, String channel, String kind, String status, long finishedAt) throws SQLException {
    insert(c, channel, kind, status, finishedAt, "e");
  }

  private static void insert(Connection c, String channel, String kind, String status, long finishedAt, String event) throws SQLException {
    c.setAutoCommit(false);
    boolean finished = !status.equals("RETRYING");
    try (var s = c.prepareStatement(
        "INSERT INTO delivery (id, event_id, channel_id, channel_name, kind, status, attempts, created_at, finished_at, version)"
            + " VALUES (?, ?, ?, 'n', ?, ?, 1, ?, ?, 1)")) {
      s.setString(1, "d" + next++);
      s.setString(2, event);
      s.setString(3, channel);
      s.setString(4, kind);
      s.setString(5, status);
      s.setLong(6, finishedAt - 50);
      if (finished) {
        s.setLong(7, finishedAt);
      } else {
        s.setNull(7, java.sql.Types.BIGINT);
      }
      s.executeUpdate();
    }
  }

  private static String counters(Connection c) throws SQLException {
    TreeMap<String, String> rows = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT channel_id, hour_start, succeeded, failed FROM channel_outcome_hour")) {
      while (r.next()) {
        rows.put(r.getString(1) + "@" + r.getLong(2), r.getLong(3) + "/" + r.getLong(4));
      }
    }
    return String.join(", ", rows.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}
