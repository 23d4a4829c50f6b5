package dev.alertwire.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Channels for the JDBC tests of a migrated schema: ids {@code channel-1} to {@code channel-N}, names c1 to cN. */
public final class TestChannels {
  private TestChannels() {}

  public static void insert(Connection db, int count) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("INSERT INTO alert_channel (id, name, url, method, signature_scheme, activated, max_retries, retry_delay_ms, backoff,"
          + " connect_timeout_ms, response_timeout_ms, created_at, updated_at, version)"
          + " SELECT 'channel-' || X, 'c' || X, 'http://127.0.0.1/', 'POST', 'CHECKLY', TRUE, 5, 20000, 'FIXED', 5000, 30000, 0, 0, 0"
          + " FROM SYSTEM_RANGE(1, " + count + ")");
    }
  }
}
