package dev.alertwire.bench.store;

import java.sql.*;
import java.nio.file.*;
import java.util.*;
import org.flywaydb.core.Flyway;

/**
 * What an index costs the write path: the delivery path's statements (accept: an event and its deliveries;
 * claim; record: the delivery finished and its attempt inserted), 64 deliveries to a commit, on a fresh H2 file
 * (the app's WRITE_DELAY=0 and COMPRESS=TRUE) migrated to each schema version given, in the order given.
 * Prints the time of each kind of commit. docs/benchmarks.md, section 19, compares V13 and V14 with it:
 *
 * <pre>java -cp "persistence/target/classes:$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
 *     dev.alertwire.bench.store.IndexWriteCost 64000 13,14,13,14</pre>
 *
 * The first run of a JVM includes the JIT's warm-up: compare the later ones.
 */
public final class IndexWriteCost {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    String[] order = a[1].split(",");
    for (String target : order) {
      Path dir = Files.createTempDirectory("v14cost");
      String url = "jdbc:h2:file:" + dir + "/db;WRITE_DELAY=0;COMPRESS=TRUE";
      Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target).load().migrate();
      try (Connection c = DriverManager.getConnection(url, "sa", "")) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          for (int ch = 0; ch < 10; ch++) {
            s.execute("INSERT INTO alert_channel (id, name, url, method, signature_scheme, activated, max_retries, retry_delay_ms, backoff,"
                + " connect_timeout_ms, response_timeout_ms, created_at, updated_at, version) VALUES ('ch" + ch + "', 'c" + ch
                + "', 'http://127.0.0.1/', 'POST', 'CHECKLY', TRUE, 5, 20000, 'FIXED', 5000, 30000, 0, 0, 0)");
          }
        }
        c.commit();
        long t0 = System.nanoTime();
        long acceptNs = 0, claimNs = 0, recordNs = 0;
        int batch = 64;
        long now = System.currentTimeMillis();
        for (int i = 0; i < n; i += batch) {
          long t = System.nanoTime();
          try (PreparedStatement e = c.prepareStatement("INSERT INTO alert_event (id, check_id, alert_type, occurred_at, variables, created_at) VALUES (?, ?, 'ALERT_FAILURE', ?, '{\"A\":\"b\"}', ?)");
               PreparedStatement d = c.prepareStatement("INSERT INTO delivery (id, event_id, channel_id, channel_name, kind, status, attempts, next_attempt_at, created_at, version, check_id, alert_type) VALUES (?, ?, ?, 'c', 'ALERT', 'PENDING', 0, ?, ?, 1, ?, 'ALERT_FAILURE')")) {
            for (int k = 0; k < batch; k += 10) {
              String ev = String.format("%016x-ev-%08d", now + i + k, i + k);
              e.setString(1, ev); e.setString(2, "check-" + ((i + k) % 100)); e.setLong(3, now + i + k); e.setLong(4, now + i + k); e.addBatch();
              for (int ch = 0; ch < 10 && k + ch < batch; ch++) {
                d.setString(1, String.format("%016x-%08d", now + i + k, i + k + ch)); d.setString(2, ev); d.setString(3, "ch" + ch);
                d.setLong(4, now + i + k); d.setLong(5, now + i + k); d.setString(6, "check-" + ((i + k) % 100)); d.addBatch();
              }
            }
            e.executeBatch(); d.executeBatch();
          }
          c.commit();
          acceptNs += System.nanoTime() - t;
          t = System.nanoTime();
          try (PreparedStatement u = c.prepareStatement("UPDATE delivery SET lease_owner = 'me', lease_until = ?, version = version + 1 WHERE id = ? AND status IN ('PENDING', 'RETRYING', 'RATE_LIMITED')")) {
            for (int k = 0; k < batch; k++) {
              u.setLong(1, now + 180000); u.setString(2, String.format("%016x-%08d", now + i + (k / 10) * 10, i + k)); u.addBatch();
            }
            u.executeBatch();
          }
          c.commit();
          claimNs += System.nanoTime() - t;
          t = System.nanoTime();
          try (PreparedStatement u = c.prepareStatement("UPDATE delivery SET attempts = attempts + 1, last_status = 200, last_error = NULL, lease_owner = NULL, lease_until = NULL, status = 'SUCCEEDED', next_attempt_at = NULL, finished_at = ?, version = version + 1 WHERE id = ? AND status IN ('PENDING', 'RETRYING', 'RATE_LIMITED')");
               PreparedStatement at = c.prepareStatement("INSERT INTO delivery_attempt (id, delivery_id, channel_id, attempt_number, started_at, duration_ms, request_method, request_url, request_headers, request_body, response_status, response_headers, response_body) VALUES (?, ?, ?, 1, ?, 3, 'POST', 'http://127.0.0.1/hook', '{}', '{\"title\":\"x\"}', 200, '{}', 'ok')")) {
            for (int k = 0; k < batch; k++) {
              String id = String.format("%016x-%08d", now + i + (k / 10) * 10, i + k);
              u.setLong(1, now); u.setString(2, id); u.addBatch();
              at.setString(1, id + "-a"); at.setString(2, id); at.setString(3, "ch" + (k % 10)); at.setLong(4, now); at.addBatch();
            }
            u.executeBatch(); at.executeBatch();
          }
          c.commit();
          recordNs += System.nanoTime() - t;
        }
        long total = System.nanoTime() - t0;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM delivery WHERE status = 'SUCCEEDED' AND lease_owner IS NULL AND attempts = 1")) {
          r.next();
          if (r.getLong(1) != n) throw new IllegalStateException("succeeded " + r.getLong(1) + " of " + n);
        }
        System.out.printf(Locale.ROOT, "target V%s: %d deliveries in %.2f s (%.0f/s): accept %.2f s, claim %.2f s, record %.2f s; file %d MiB%n",
            target, n, total / 1e9, n / (total / 1e9), acceptNs / 1e9, claimNs / 1e9, recordNs / 1e9, Files.size(dir.resolve("db.mv.db")) >> 20);
      }
    }
  }
}
