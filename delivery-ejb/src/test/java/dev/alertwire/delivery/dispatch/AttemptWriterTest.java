package dev.alertwire.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.delivery.metrics.MetricsFixture;
import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.delivery.RetryPolicy;
import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.request.OutgoingRequest;
import dev.alertwire.domain.secret.SecretRedactor;
import dev.alertwire.persistence.GroupCommit;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryWrites;
import dev.alertwire.persistence.event.AlertEvent;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AttemptWriter#record}, an attempt's write through a real group-commit writer on an H2 file migrated as
 * the app migrates it: the delivery's row is updated while it is unfinished, and otherwise (superseded while its
 * request was out, or pruned) the attempt is recorded without reopening it, or not at all; a channel deleted while
 * the request was out is counted nowhere, and its attempt is still recorded.
 */
class AttemptWriterTest {
  private static final String CHANNEL = "channel-w";

  @TempDir Path dir;
  private JdbcDataSource db;
  private GroupCommit writer;
  private AttemptWriter attempts;
  private final Instant now = Instant.parse("2026-12-02T03:00:00Z");

  @BeforeEach
  void start() throws SQLException {
    db = new JdbcDataSource();
    db.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
    db.setUser("sa");
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    execute("INSERT INTO alert_channel (id, name, url, method, signature_scheme, activated, max_retries, retry_delay_ms, backoff,"
        + " connect_timeout_ms, response_timeout_ms, created_at, updated_at, version) VALUES ('" + CHANNEL + "', 'w',"
        + " 'http://127.0.0.1/', 'POST', 'CHECKLY', TRUE, 5, 20000, 'FIXED', 5000, 30000, 0, 0, 0)");
    writer = new GroupCommit(db, Thread::new, 16);
    attempts = new AttemptWriter();
    attempts.commits = new Commits() {
      @Override
      public <T> T await(GroupCommit.Work<T> work) {
        return writer.await(work);
      }
    };
    attempts.clock = Clock.fixed(now, ZoneOffset.UTC);
    attempts.metrics = MetricsFixture.metrics();
  }

  @AfterEach
  void stop() {
    writer.close();
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private String one(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  /** A delivery of a new alert about {@code checkId}, claimed by this instance, superseding older ones. */
  private String claimed(String checkId) throws SQLException {
    AlertEvent event = new AlertEvent(checkId, "ALERT_FAILURE", now, "{}", now);
    Delivery delivery = new Delivery(event.id(), checkId, event.alertType(), CHANNEL, "w", DeliveryKind.ALERT, now);
    try (Connection c = db.getConnection()) {
      DeliveryWrites.queue(c, event, List.of(delivery), List.of(CHANNEL), now);
      DeliveryWrites.claim(c, List.of(delivery.id()), "me", now, now.plusSeconds(60));
    }
    return delivery.id();
  }

  private PreparedDelivery prepared(String deliveryId) {
    OutgoingRequest request = new OutgoingRequest(HttpMethod.POST, URI.create("http://127.0.0.1/hook"), List.of(new Header("content-type", "application/json")), "{}");
    return new PreparedDelivery(
        deliveryId, CHANNEL, DeliveryKind.ALERT, now, 1, request, request, null, null, SecretRedactor.none(),
        new RetryPolicy(3, Duration.ofSeconds(20), dev.alertwire.domain.delivery.Backoff.FIXED, RetryPolicy.DEFAULT.maxDelay()),
        Duration.ofSeconds(5), Duration.ofSeconds(30), null);
  }

  private static SendResult answered(int status) {
    return new SendResult(Instant.parse("2026-12-02T03:00:00Z"), 12, status, Map.of(), "{\"ok\":true}", null, null);
  }

  @Test
  void aSuccessFinishesTheDeliveryAndCountsItForItsChannel() throws SQLException {
    String id = claimed("check-a");
    assertEquals(Optional.empty(), attempts.record(prepared(id), answered(200)));
    assertEquals("SUCCEEDED", one("SELECT status FROM delivery WHERE id = '" + id + "'"));
    assertEquals("1", one("SELECT attempts FROM delivery WHERE id = '" + id + "'"));
    assertNull(one("SELECT lease_owner FROM delivery WHERE id = '" + id + "'"));
    assertEquals("200", one("SELECT response_status FROM delivery_attempt WHERE delivery_id = '" + id + "'"));
    assertEquals("1", one("SELECT succeeded FROM channel_outcome_hour WHERE channel_id = '" + CHANNEL + "'"));
  }

  @Test
  void aFailureThatMayBeRetriedIsDueAgainAndRecordsWhen() throws SQLException {
    String id = claimed("check-b");
    Optional<Instant> next = attempts.record(prepared(id), answered(503));
    assertEquals(Optional.of(now.plusSeconds(20)), next);
    assertEquals("RETRYING", one("SELECT status FROM delivery WHERE id = '" + id + "'"));
    String due = String.valueOf(now.plusSeconds(20).toEpochMilli());
    assertEquals(due, one("SELECT next_attempt_at FROM delivery WHERE id = '" + id + "'"));
    assertEquals(due, one("SELECT next_attempt_at FROM delivery_attempt WHERE delivery_id = '" + id + "'"));
    assertNull(one("SELECT channel_id FROM channel_outcome_hour WHERE channel_id = '" + CHANNEL + "'"), "not finished: not counted");
  }

  @Test
  void anAttemptOnADeliverySupersededWhileItsRequestWasOutIsRecordedAndDoesNotReopenIt() throws SQLException {
    String id = claimed("check-c");
    claimed("check-c"); // a newer alert about the same check supersedes it
    assertEquals(Optional.empty(), attempts.record(prepared(id), answered(503)), "no retry");
    assertEquals("SUPERSEDED", one("SELECT status FROM delivery WHERE id = '" + id + "'"));
    assertEquals("0", one("SELECT attempts FROM delivery WHERE id = '" + id + "'"));
    assertEquals("503", one("SELECT response_status FROM delivery_attempt WHERE delivery_id = '" + id + "'"));
    assertNull(one("SELECT next_attempt_at FROM delivery_attempt WHERE delivery_id = '" + id + "'"));
  }

  @Test
  void anAttemptOnADeliveryPrunedWhileItsRequestWasOutRecordsNothing() throws SQLException {
    String id = claimed("check-d");
    execute("DELETE FROM delivery WHERE id = '" + id + "'");
    assertEquals(Optional.empty(), attempts.record(prepared(id), answered(200)));
    assertEquals("0", one("SELECT COUNT(*) FROM delivery_attempt"));
  }

  @Test
  void anAttemptOnADeliveryWhoseChannelWasDeletedWhileItsRequestWasOutIsRecordedAndCountedNowhere() throws SQLException {
    String id = claimed("check-e");
    execute("DELETE FROM alert_channel WHERE id = '" + CHANNEL + "'"); // its deliveries stay, their channel emptied
    assertEquals(Optional.empty(), attempts.record(prepared(id), answered(200)));
    assertEquals("SUCCEEDED", one("SELECT status FROM delivery WHERE id = '" + id + "'"));
    assertEquals("200", one("SELECT response_status FROM delivery_attempt WHERE delivery_id = '" + id + "'"));
    assertEquals("0", one("SELECT COUNT(*) FROM channel_outcome_hour"));
  }
}
