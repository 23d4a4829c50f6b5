package dev.alertwire.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group-commit writer on a real H2 file database, written with WRITE_DELAY=0 as the app runs it. */
class GroupCommitTest {
  @TempDir Path dir;
  private JdbcDataSource dataSource;
  private GroupCommit writer;

  @BeforeEach
  void start() throws SQLException {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
    dataSource.setUser("sa");
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE item (id VARCHAR(20) PRIMARY KEY)");
    }
    writer = new GroupCommit(dataSource, Thread::new, 100);
  }

  @AfterEach
  void stop() {
    writer.close();
  }

  private static GroupCommit.Work<String> insert(String id) {
    return c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO item (id) VALUES (?)")) {
        s.setString(1, id);
        s.executeUpdate();
      }
      return id;
    };
  }

  /** Holds the writer inside a write until the latch opens, so later writes queue up behind it. */
  private CompletableFuture<String> holdWriter(CountDownLatch entered, CountDownLatch open) {
    return writer.submit(c -> {
      entered.countDown();
      try {
        open.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return insert("first").apply(c);
    });
  }

  private int countCommitted(String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM item WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  @Test
  void writesThatArriveDuringACommitShareTheNextOneAndEachCallerSeesItsRowCommitted() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    CompletableFuture<String> first = holdWriter(entered, open);
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    List<CompletableFuture<Integer>> callers = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(20);
    for (int i = 0; i < 20; i++) {
      String id = "item-" + i;
      callers.add(CompletableFuture.supplyAsync(() -> {
        writer.await(insert(id));
        try {
          return countCommitted(id); // read on another connection: only a committed row is seen
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }, threads));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (writer.waiting() < 20 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(0, writer.commits(), "nothing commits while the writer is held");
    open.countDown();
    assertEquals("first", first.get(10, TimeUnit.SECONDS));
    for (CompletableFuture<Integer> caller : callers) {
      assertEquals(1, caller.get(10, TimeUnit.SECONDS));
    }
    threads.shutdown();
    assertEquals(21, writer.writes());
    assertEquals(2, writer.commits(), "the held write's commit, then one for the 20 queued behind it");
  }

  @Test
  void aWriteThatFailsFailsOnlyItsOwnCaller() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    CompletableFuture<String> first = holdWriter(entered, open);
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    CompletableFuture<String> good = writer.submit(insert("good"));
    CompletableFuture<String> duplicate = writer.submit(insert("first"));
    CompletableFuture<String> alsoGood = writer.submit(insert("also-good"));
    open.countDown();
    first.get(10, TimeUnit.SECONDS);
    good.get(10, TimeUnit.SECONDS);
    alsoGood.get(10, TimeUnit.SECONDS);
    ExecutionException failed = assertThrows(ExecutionException.class, () -> duplicate.get(10, TimeUnit.SECONDS));
    assertTrue(failed.getCause() instanceof SQLException, String.valueOf(failed.getCause()));
    assertEquals(1, countCommitted("first"));
    assertEquals(1, countCommitted("good"));
    assertEquals(1, countCommitted("also-good"));
  }

  @Test
  void aFailedWriteIsRolledBackWhole() throws Exception {
    assertThrows(GroupCommit.WriteFailedException.class, () -> writer.await(c -> {
      insert("half").apply(c);
      return insert("half").apply(c); // the duplicate fails the write: its first insert must not stay
    }));
    assertEquals(0, countCommitted("half"));
    writer.await(insert("after")); // the writer goes on
    assertEquals(1, countCommitted("after"));
  }
}
