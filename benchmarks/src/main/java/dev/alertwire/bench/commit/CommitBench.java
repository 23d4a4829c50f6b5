package dev.alertwire.bench.commit;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.persistence.GroupCommit;
import dev.alertwire.persistence.delivery.Delivery;
import dev.alertwire.persistence.delivery.DeliveryWrites;
import dev.alertwire.persistence.event.AlertEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The accept's write alone, on the app's schema in an H2 file with WRITE_DELAY=0, without the app server:
 * THREADS callers each storing alerts (an event and one delivery) for SECONDS, first each in its own commit
 * (as the app did), then through {@link GroupCommit}. Prints alerts stored per second, commits, and the file
 * size; the two modes alternate ROUNDS times so that a busy machine hurts both alike.
 *
 * <pre>java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dev.alertwire.bench.commit.CommitBench [threads] [seconds] [rounds]</pre>
 */
public final class CommitBench {
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    for (int round = 1; round <= rounds; round++) {
      for (boolean grouped : new boolean[] {false, true}) {
        Path dir = Files.createTempDirectory("commit-bench");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("alertwire") + ";WRITE_DELAY=0");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        try (Connection keepOpen = ds.getConnection()) {
          run(ds, dir, grouped, threads, seconds, round);
        }
      }
    }
  }

  private static void run(JdbcDataSource ds, Path dir, boolean grouped, int threads, int seconds, int round) throws Exception {
    AtomicLong stored = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(threads);
    long cpuBefore = ProcessCpu.nanos();
    try (GroupCommit writer = grouped ? new GroupCommit(ds, Thread::new, 256) : null) {
      for (int t = 0; t < threads; t++) {
        Thread thread = new Thread(() -> {
          try (Connection own = grouped ? null : ds.getConnection()) {
            if (own != null) {
              own.setAutoCommit(false);
            }
            while (System.nanoTime() < end) {
              Instant now = Instant.now();
              AlertEvent event = new AlertEvent("check-1", "ALERT_FAILURE", now, "{\"CHECK_NAME\":\"bench\",\"RESULT\":\"x\"}", now);
              List<Delivery> rows = List.of(new Delivery(event.id(), "check-1", event.alertType(), null, "bench", DeliveryKind.ALERT, now));
              if (grouped) {
                writer.await(c -> {
                  DeliveryWrites.queue(c, event, rows, List.of(), now);
                  return null;
                });
              } else {
                DeliveryWrites.queue(own, event, rows, List.of(), now);
                own.commit();
              }
              stored.incrementAndGet();
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          } finally {
            done.countDown();
          }
        });
        thread.start();
      }
      done.await();
      long commits = grouped ? writer.commits() : stored.get();
      double cpu = (ProcessCpu.nanos() - cpuBefore) / 1e9;
      System.out.printf(Locale.ROOT,
          "round %d, %-22s %d threads, %d s: %,d alerts stored (%,.0f/s), %,d commits (%.1f alerts each), CPU %.1f s, file %.1f MiB%n",
          round, grouped ? "group commit:" : "one commit per alert:", threads, seconds, stored.get(), stored.get() / (double) seconds,
          commits, stored.get() / (double) Math.max(1, commits), cpu, Files.size(dir.resolve("alertwire.mv.db")) / 1048576.0);
    }
  }

  /** This JVM's CPU time, from the platform MXBean. */
  private static final class ProcessCpu {
    static long nanos() {
      var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
  }
}
