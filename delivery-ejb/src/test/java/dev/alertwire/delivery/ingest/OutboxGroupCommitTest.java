package dev.alertwire.delivery.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.delivery.metrics.DeliveryMetrics;
import dev.alertwire.delivery.metrics.MetricsFixture;
import dev.alertwire.persistence.GroupCommit;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.Recipient;
import dev.alertwire.persistence.event.AlertEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Outbox#queueCommitted}, the accept's write (one alert from /alerts, all alerts of an Alertmanager or
 * Grafana notification from /sources), through a real group-commit writer on an H2 file migrated as the app
 * migrates it: the alerts of one call commit together or not at all, and the superseded counter moves by what
 * was committed, at once, as on the container-transaction path.
 */
class OutboxGroupCommitTest {
  @TempDir Path dir;
  private JdbcDataSource db;
  private GroupCommit writer;
  private Outbox outbox;
  private DeliveryMetrics metrics;
  private final List<DeliveriesQueued> fired = new ArrayList<>();
  private final Instant now = Instant.parse("2026-11-30T07:00:00Z");
  private AlertChannel superseding;
  private AlertChannel keeping;

  @BeforeEach
  void start() throws SQLException {
    db = new JdbcDataSource();
    db.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
    db.setUser("sa");
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    superseding = new AlertChannel("pager", now);
    keeping = new AlertChannel("audit", now);
    keeping.supersedeOlder(false);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      for (AlertChannel channel : List.of(superseding, keeping)) {
        s.execute("INSERT INTO alert_channel (id, name, url, method, signature_scheme, activated, max_retries, retry_delay_ms, backoff,"
            + " connect_timeout_ms, response_timeout_ms, created_at, updated_at, version) VALUES ('" + channel.id() + "', '"
            + channel.name() + "', 'http://127.0.0.1/', 'POST', 'CHECKLY', TRUE, 5, 20000, 'FIXED', 5000, 30000, 0, 0, 0)");
      }
    }
    writer = new GroupCommit(db, Thread::new, 16);
    outbox = new Outbox();
    outbox.commits = new Commits() {
      @Override
      public <T> T await(GroupCommit.Work<T> work) {
        return writer.await(work);
      }
    };
    metrics = MetricsFixture.metrics();
    outbox.metrics = metrics;
    outbox.queued = new Recording();
  }

  @AfterEach
  void stop() {
    writer.close();
  }

  private Outbox.Alert alert(AlertEvent event) {
    return new Outbox.Alert(event, List.of(Recipient.of(superseding), Recipient.of(keeping)), now);
  }

  private Outbox.Alert alert(String checkId) {
    return alert(new AlertEvent(checkId, "ALERT_FAILURE", now, "{}", now));
  }

  private int count(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }

  private String supersededSample() {
    return MetricsFixture.scrape(metrics).lines()
        .filter(l -> l.startsWith("alertwire_deliveries_superseded_total{"))
        .reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void theAlertsOfOneNotificationCommitTogetherAndTheSupersededCountIsWhatWasCommitted() throws SQLException {
    outbox.queueCommitted(List.of(alert("check-a")));
    assertEquals("", supersededSample(), "nothing older yet");

    // One notification with two more alerts about check-a: the first supersedes the earlier call's
    // delivery on the superseding channel, the second supersedes the first's, within the one write.
    List<List<String>> ids = outbox.queueCommitted(List.of(alert("check-a"), alert("check-a")));
    assertEquals(2, ids.size());
    assertEquals(2, ids.get(0).size());
    assertEquals(3, count("SELECT COUNT(*) FROM alert_event"));
    assertEquals(2, count("SELECT COUNT(*) FROM delivery WHERE status = 'SUPERSEDED'"));
    assertEquals(0, count("SELECT COUNT(*) FROM delivery WHERE status = 'SUPERSEDED' AND channel_id = '" + keeping.id() + "'"));
    assertEquals("alertwire_deliveries_superseded_total{channel=\"" + superseding.id() + "\"} 2\n", supersededSample());
    assertEquals(List.of(2, 4), fired.stream().map(DeliveriesQueued::count).toList(), "the dispatcher is woken once per call");
  }

  @Test
  void whenOneAlertOfANotificationCannotBeWrittenNoneIsAndNothingIsCounted() throws SQLException {
    outbox.queueCommitted(List.of(alert("check-b")));
    AlertEvent twice = new AlertEvent("check-other", "ALERT_FAILURE", now, "{}", now);
    outbox.queueCommitted(List.of(alert(twice)));
    // The first alert supersedes check-b's delivery, then the second fails (its event id is taken): the
    // write is rolled back whole.
    RuntimeException failed =
        assertThrows(RuntimeException.class, () -> outbox.queueCommitted(List.of(alert("check-b"), alert(twice))));
    assertTrue(failed instanceof GroupCommit.WriteFailedException, String.valueOf(failed));
    assertEquals(2, count("SELECT COUNT(*) FROM alert_event"));
    assertEquals(0, count("SELECT COUNT(*) FROM delivery WHERE status = 'SUPERSEDED'"));
    assertEquals("", supersededSample());
    assertEquals(2, fired.size(), "no wake-up for a write that failed");
  }

  /** Records what the outbox fires; in the container an observer wakes the dispatcher after commit. */
  private final class Recording implements Event<DeliveriesQueued> {
    @Override
    public void fire(DeliveriesQueued event) {
      fired.add(event);
    }

    @Override
    public <U extends DeliveriesQueued> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends DeliveriesQueued> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<DeliveriesQueued> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends DeliveriesQueued> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends DeliveriesQueued> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
