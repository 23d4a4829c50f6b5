package dev.alertwire.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Delivery history at scale (scripts/bench/history.sh).
 *
 * <p>{@code seed jdbcUrl rows}: with the app stopped, inserts {@code rows} deliveries (one event per 10
 * deliveries, one attempt per delivery except superseded ones, with a realistic request and response) straight into the H2 file,
 * honouring the Flyway schema: spread over the last 7 days (inside the 30-day retention), round-robin over the
 * channels that exist, 1,000 checks, 90% succeeded, 7% failed, 3% superseded, ALERT_FAILURE or ALERT_RECOVERY.
 *
 * <p>{@code time baseUrl token}: times the history pages through the API: the first call and the median of 5.
 */
public final class HistoryBench {
  private HistoryBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "seed" -> seed(args[1], Integer.parseInt(args[2]));
      case "time" -> time(args[1], args[2], Integer.parseInt(args[3]), args.length > 4 ? args[4] : null, args.length > 5 ? args[5] : null);
      case "hammer" -> hammer(args[1], args[2], Integer.parseInt(args[3]), args[4]);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /**
   * Inserts with INSERT ... SELECT inside H2 (SYSTEM_RANGE, RANDOM_UUID() ids as the app makes them), one
   * transaction per chunk of 10,000 events (100,000 deliveries): far faster than JDBC batches, and the same rows.
   */
  static void seed(String url, int rows) throws Exception {
    long start = System.nanoTime();
    int events = Math.max(1, rows / 10);
    long now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    long span = 7L * 24 * 3600 * 1000;
    long t0 = now - span;
    try (Connection c = DriverManager.getConnection(url, "alertwire", "alertwire"); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      int channels;
      try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM alert_channel")) {
        r.next();
        channels = r.getInt(1);
      }
      if (channels == 0) {
        throw new IllegalStateException("create some channels first");
      }
      // A database made by a release before V13 has no alert_type on the delivery: seeding one is how the
      // upgrade's backfill is timed (history.sh with UPGRADE_FROM).
      boolean typed;
      try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'DELIVERY' AND COLUMN_NAME = 'ALERT_TYPE'")) {
        r.next();
        typed = r.getInt(1) == 1;
      }
      s.execute("CREATE LOCAL TEMPORARY TABLE bench_channel AS SELECT id, name, url, ROW_NUMBER() OVER (ORDER BY name) - 1 AS n FROM alert_channel");
      int chunk = Integer.getInteger("chunk", 10_000);
      for (int from = 0; from < events; from += chunk) {
        int to = Math.min(events, from + chunk) - 1;
        // Events in time order, as they would have been written.
        s.executeUpdate(
            "INSERT INTO alert_event (id, check_id, alert_type, occurred_at, variables, created_at)"
                + " SELECT id, check_id, alert_type, created, '{\"ALERT_TYPE\":\"' || alert_type || '\",\"ALERT_TITLE\":\"Check \\\"'"
                + " || check_id || '\\\" has failed\",\"CHECK_ID\":\"' || check_id || '\",\"CHECK_NAME\":\"' || check_id"
                + " || '\",\"TAGS\":[\"prod\",\"P1\"],\"RESPONSE_TIME\":30012}', created FROM ("
                + "  SELECT CAST(RANDOM_UUID() AS VARCHAR(36)) AS id, 'check-' || CAST(FLOOR(RAND() * 1000) AS INT) AS check_id,"
                + "  CASE WHEN RAND() < 0.25 THEN 'ALERT_RECOVERY' ELSE 'ALERT_FAILURE' END AS alert_type,"
                + "  CAST(" + t0 + " + " + span + " * X / " + events + " AS BIGINT) AS created"
                + "  FROM SYSTEM_RANGE(" + from + ", " + to + "))");
        long tEvents = System.nanoTime();
        long lo = t0 + span * from / events;
        long hi = t0 + span * (to + 1L) / events;
        int perEvent = Math.max(1, rows / events);
        s.executeUpdate(
            "INSERT INTO delivery (id, event_id, channel_id, channel_name, kind, status, attempts, next_attempt_at, lease_owner,"
                + " lease_until, last_status, last_error, created_at, finished_at, version, check_id" + (typed ? ", alert_type)" : ")")
                + " SELECT CAST(RANDOM_UUID() AS VARCHAR(36)), event_id, channel_id, channel_name, 'ALERT', status,"
                + " CASE status WHEN 'SUPERSEDED' THEN 0 WHEN 'FAILED' THEN 6 ELSE 1 END, NULL, NULL, NULL,"
                + " CASE status WHEN 'SUPERSEDED' THEN NULL WHEN 'FAILED' THEN 503 ELSE 200 END,"
                + " CASE status WHEN 'FAILED' THEN 'HTTP 503' ELSE NULL END, created_at, created_at + 5 + CAST(FLOOR(RAND() * 200) AS INT), 1, check_id"
                + (typed ? ", alert_type" : "")
                + " FROM (SELECT e.id AS event_id, c.id AS channel_id, c.name AS channel_name, e.created_at, e.check_id, e.alert_type,"
                + "   CASE WHEN r < 0.90 THEN 'SUCCEEDED' WHEN r < 0.97 THEN 'FAILED' ELSE 'SUPERSEDED' END AS status"
                + "   FROM (SELECT e.*, RAND() AS r, k.X AS k FROM alert_event e, SYSTEM_RANGE(0, " + (perEvent - 1) + ") k"
                + "         WHERE e.created_at >= " + lo + " AND e.created_at < " + hi + ") e"
                + "   JOIN bench_channel c ON c.n = MOD(e.k, " + channels + "))");
        long tDeliveries = System.nanoTime();
        s.executeUpdate(
            "INSERT INTO delivery_attempt (id, delivery_id, attempt_number, started_at, duration_ms, request_method, request_url,"
                + " request_headers, request_body, response_status, response_headers, response_body, error_class, error_message,"
                + " next_attempt_at, channel_id)"
                + " SELECT CAST(RANDOM_UUID() AS VARCHAR(36)), d.id, 1, d.created_at, d.finished_at - d.created_at, 'POST', c.url,"
                + " '[{\"name\":\"content-type\",\"value\":\"application/json\"},{\"name\":\"x-alertwire-delivery-id\",\"value\":\"' || d.id || '\"}]',"
                + " '{\"message\": \"Check \\\"' || d.check_id || '\\\" has failed\", \"description\": \"ALERT_FAILURE: ' || d.check_id"
                + " || ' <br>2026-06-15T12:00:00.000Z (30012ms) <br>https://alertwire.example/checks/' || d.check_id || '\", \"tags\": [\"prod\",\"P1\"], \"priority\": \"P1\"}',"
                + " d.last_status, '{\"content-length\":[\"2\"],\"content-type\":[\"text/plain\"]}',"
                + " CASE d.status WHEN 'FAILED' THEN 'Service Unavailable' ELSE 'ok' END,"
                + " NULL, NULL, NULL, d.channel_id"
                + " FROM delivery d JOIN alert_channel c ON c.id = d.channel_id"
                + " WHERE d.status <> 'SUPERSEDED' AND d.created_at >= " + lo + " AND d.created_at < " + hi);
        long tAttempts = System.nanoTime();
        c.commit();
        System.out.printf(Locale.ROOT, "  %,d events, %.0f s (deliveries %.1f s, attempts %.1f s, commit %.1f s)%n", to + 1,
            (System.nanoTime() - start) / 1e9, (tDeliveries - tEvents) / 1e9, (tAttempts - tDeliveries) / 1e9, (System.nanoTime() - tAttempts) / 1e9);
      }
      // The app counts each finished delivery in its channel's hourly outcome counter (V12) when it finishes it;
      // seeded rows are counted here the way the migration counts the deliveries it finds.
      if (typed) { // V13 and later have the counters (V12) too; before V12 the channel list counted the deliveries
        s.execute("DELETE FROM channel_outcome_hour");
        s.execute("INSERT INTO channel_outcome_hour (channel_id, hour_start, succeeded, failed)"
            + " SELECT channel_id, (COALESCE(finished_at, created_at) / 3600000) * 3600000,"
            + " SUM(CASE WHEN status = 'SUCCEEDED' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END)"
            + " FROM delivery WHERE kind <> 'TEST' AND status IN ('SUCCEEDED', 'FAILED') AND channel_id IS NOT NULL"
            + " GROUP BY channel_id, (COALESCE(finished_at, created_at) / 3600000) * 3600000");
      }
      s.execute("ANALYZE");
      c.commit();
      try (ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM delivery), (SELECT COUNT(*) FROM delivery_attempt), (SELECT COUNT(*) FROM alert_event)")) {
        r.next();
        System.out.printf(Locale.ROOT, "seeded %,d deliveries, %,d attempts, %,d events in %.1f s%n", r.getLong(1), r.getLong(2),
            r.getLong(3), (System.nanoTime() - start) / 1e9);
      }
      // The big transactions leave the file several times larger than its data; compacting takes seconds.
      long compact = System.nanoTime();
      s.execute("SHUTDOWN COMPACT");
      System.out.printf(Locale.ROOT, "compacted in %.1f s%n", (System.nanoTime() - compact) / 1e9);
    }
  }

  /** Requests one API page over and over (for a JFR profile of it). */
  static void hammer(String base, String token, int seconds, String query) throws Exception {
    Api api = new Api(base, token);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    int n = 0;
    while (System.nanoTime() < end) {
      api.send("GET", "/api/v1/deliveries?" + query, null);
      n++;
    }
    System.out.printf(Locale.ROOT, "%d requests of ?%s in %d s%n", n, query, seconds);
  }

  /** One measured page: the first call (cold: query plan, caches) and the median of the next ones. */
  record Timing(String label, long firstMs, long medianMs, String matched) {
    void print() {
      System.out.printf(Locale.ROOT, "| %s | %d | %d | %s |%n", label, firstMs, medianMs, matched);
    }
  }

  static void time(String base, String token, int repeat, String user, String password) throws Exception {
    Api api = new Api(base, token);
    if (!api.send("GET", "/api/v1/alert-channels", null).body().contains("\"history-writer\"")) {
      api.createChannel("{\"name\": \"history-writer\", \"url\": \"http://127.0.0.1:9/closed\", \"template\": \"{}\","
          + " \"maxRetries\": 0, \"activated\": true}");
    }
    beforeEach =
        () -> {
          try {
            Api.Answer a = api.send("POST", "/api/v1/alerts", "{\"ALERT_TYPE\": \"ALERT_FAILURE\", \"CHECK_ID\": \"history-bench\"}");
            if (a.status() != 202) {
              throw new IllegalStateException("write before a timed call: HTTP " + a.status() + " " + a.body());
            }
            Thread.sleep(300); // its delivery is attempted and finished meanwhile
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        };
    String channelId = api.channelIds().get(0); // a seeded channel: the writer is created after them
    Instant day = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    long total = api.total("size=1");
    int lastPage = (int) Math.max(1, (total + 49) / 50);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("first page, no filter", "page=1");
    pages.put("status=failed", "page=1&status=failed");
    pages.put("channelId", "page=1&channelId=" + channelId);
    pages.put("checkId", "page=1&checkId=check-42");
    pages.put("alertType=ALERT_RECOVERY", "page=1&alertType=ALERT_RECOVERY");
    pages.put("one day (from, to)", "page=1&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS));
    pages.put("status=failed and channelId", "page=1&status=failed&channelId=" + channelId);
    pages.put("page 100 (offset 4,950), no filter", "page=100");
    pages.put(String.format(Locale.ROOT, "last page (%,d), no filter", lastPage), "page=" + lastPage);
    System.out.printf(Locale.ROOT, "REST API, GET /api/v1/deliveries (50 a page), %,d deliveries; %s%n", total, DeliveryBench.load());
    System.out.println("| page | first call after start (ms) | median of the next " + repeat + ", each after a write (ms) | rows matched |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (Map.Entry<String, String> p : pages.entrySet()) {
      String path = "/api/v1/deliveries?" + p.getValue();
      measure(p.getKey(), repeat, () -> api.send("GET", path, null), body -> {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(body);
        return m.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(1))) : "?";
      }).print();
    }
    String id = Api.id(api.send("GET", "/api/v1/deliveries?page=1&size=1", null).body());
    measure("one delivery with its attempts (/deliveries/{id})", repeat, () -> api.send("GET", "/api/v1/deliveries/" + id, null), b -> "1")
        .print();
    if (user != null && !user.isBlank()) {
      ConsoleHistory.time(base, user, password, repeat);
    }
  }

  interface Call {
    Api.Answer call() throws Exception;
  }

  /**
   * Before each timed call: a write to the deliveries, as in a running system. H2 answers a query identical
   * to the previous one from that query's last result while none of the tables it reads has changed, which
   * would time nothing. The write is an alert to the one active channel, which points at a closed port and
   * does not retry: one event, one delivery, one failed attempt, finished before the timed call starts.
   */
  static Runnable beforeEach = () -> { };

  static Timing measure(String label, int repeat, Call call, java.util.function.Function<String, String> matched) throws Exception {
    long[] ms = new long[repeat + 1];
    Api.Answer last = null;
    for (int i = 0; i < ms.length; i++) {
      beforeEach.run();
      long t = System.nanoTime();
      last = call.call();
      ms[i] = (System.nanoTime() - t) / 1_000_000;
      if (last.status() != 200) {
        return new Timing(label, ms[0], -1, "HTTP " + last.status() + " " + last.body().substring(0, Math.min(200, last.body().length())));
      }
    }
    long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
    Arrays.sort(warm);
    return new Timing(label, ms[0], warm[warm.length / 2], matched.apply(last.body()));
  }
}
