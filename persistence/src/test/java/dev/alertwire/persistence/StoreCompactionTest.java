package dev.alertwire.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file, written as the app writes it (WRITE_DELAY=0, one commit per row, an index that keeps a few
 * live pages in most chunks), shrinks after half the rows are deleted only when it is compacted.
 */
class StoreCompactionTest {
  @TempDir Path dir;

  private static void churn(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE row_data (id INT PRIMARY KEY, body VARCHAR(4000))");
      s.execute("CREATE INDEX row_data_body ON row_data (body)");
      s.execute("SET RETENTION_TIME 0"); // free rewritten chunks at once instead of after 45 s
    }
    String body = "x".repeat(300);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO row_data VALUES (?, ?)")) {
      for (int i = 0; i < 6000; i++) {
        p.setInt(1, i);
        p.setString(2, body + i);
        p.executeUpdate(); // autocommit: one chunk per row, as one commit per delivery wrote them
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM row_data WHERE id < 3000"); // retention pruning the older half
    }
  }

  private long compactAll(Connection c) throws SQLException {
    long size = 0;
    for (int i = 0; i < 50; i++) {
      StoreCompaction.Pass pass = StoreCompaction.compact(c, 90, 16 * 1024 * 1024, 0).orElseThrow();
      size = pass.fileBytes();
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO other_commits VALUES (" + i + ")"); // the app's own commits, which free the rewritten chunks
      }
      if (!pass.rewrote() && i > 3) {
        break;
      }
    }
    return size;
  }

  @Test
  void compactionGivesTheSpaceOfDeletedRowsBack() throws Exception {
    Path file = dir.resolve("db.mv.db");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "")) {
      churn(c);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE other_commits (id INT)");
      }
      long before = Files.size(file);
      long after = compactAll(c);
      long onDisk = Files.size(file);
      // Without compaction the file keeps its size (39 MB here); with it, about 3 MB.
      assertTrue(onDisk < before / 4, "before " + before + " bytes, after compaction " + onDisk + " (store said " + after + ")");
    }
  }

  /**
   * Deliveries written in batches (the group commit) fill whole chunks, oldest first; a prune of the oldest
   * frees the start of the file and leaves the newest chunks, still full, at its end. Rewriting finds nothing
   * to rewrite there, the file's end is not free, and the running file kept its size: only a restart gave the
   * space back. Moving chunks into the free space lets the end be cut.
   */
  @Test
  void movingChunksGivesBackTheStartOfTheFileThatAPruneFreed() throws Exception {
    Path file = dir.resolve("db.mv.db");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "")) {
      writeInBatchesThenPrune(c);
      long before = Files.size(file);
      long rewritten = compactAll(c);
      assertTrue(rewritten > before * 6 / 10, "rewriting alone: before " + before + " bytes, after " + rewritten);

      StoreCompaction.Move first = StoreCompaction.moveChunks(c, 90, 16 * 1024 * 1024).orElseThrow();
      assertTrue(first.beforeBytes() - first.afterBytes() >= 8 * 1024 * 1024, "the first move cuts the file: " + first);
      Files.copy(file, dir.resolve("killed-after-one.mv.db")); // as a kill -9 right after that move would leave it
      StoreCompaction.Move move = first;
      for (int i = 0; i < 100 && move.moved(); i++) {
        move = StoreCompaction.moveChunks(c, 90, 16 * 1024 * 1024).orElseThrow();
        assertEquals(Files.size(file), move.afterBytes(), "the size reported is the file's");
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO other_commits VALUES (" + i + ")"); // the app goes on committing between moves
        }
      }
      assertTrue(!move.moved(), "the moves come to an end: " + move);
      // 53 % of the file is left here, 92 % of it in use; H2's own moves left 50 %, after 30 moves.
      assertTrue(move.afterBytes() < before * 6 / 10, "before " + before + " bytes, after rewriting " + rewritten + ", after moving " + move);
      try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*), MIN(id), MAX(id), SUM(LENGTH(body)) FROM row_data")) {
        r.next();
        assertEquals(5000, r.getInt(1));
        assertEquals(15000, r.getInt(2));
        assertEquals(19999, r.getInt(3));
        assertEquals(5000L * 1000 + 5000 * 5, r.getLong(4), "every kept row reads back whole");
      }
      Files.copy(file, dir.resolve("killed.mv.db")); // the file as a kill -9 would leave it: not closed
    }
    for (String copy : List.of("killed", "killed-after-one")) {
      try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(copy) + ";WRITE_DELAY=0", "sa", "");
          Statement s = c.createStatement();
          var r = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(body)) FROM row_data")) {
        r.next();
        assertEquals(5000, r.getInt(1), copy + ": the moved file opens again without a close, with its rows");
        assertEquals(5000L * 1000 + 5000 * 5, r.getLong(2), copy);
      }
    }
  }

  /** 20,000 rows of 1 KB, committed 500 at a time, then the oldest 15,000 deleted. */
  private static void writeInBatchesThenPrune(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE row_data (id INT PRIMARY KEY, body VARCHAR(4000))");
      s.execute("CREATE TABLE other_commits (id INT)");
      s.execute("SET RETENTION_TIME 0");
    }
    c.setAutoCommit(false);
    String body = "y".repeat(1000);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO row_data VALUES (?, ?)")) {
      for (int i = 0; i < 20000; i++) {
        p.setInt(1, i);
        p.setString(2, body + i);
        p.executeUpdate();
        if (i % 500 == 499) {
          c.commit();
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM row_data WHERE id < 15000"); // the prune: the oldest three quarters
    }
    c.commit();
    c.setAutoCommit(true);
  }

  /**
   * An H2 without the private members that moving the last chunks needs (another version): moves are H2's own
   * choice, and still give the file back, where the lookup used to fail the class and every look after it.
   */
  @Test
  void withoutH2sPrivateMembersTheMovesAreH2sOwn() throws Exception {
    assertTrue(StoreCompaction.H2Internals.FOUND.isPresent(), "this H2 has them");
    assertTrue(StoreCompaction.H2Internals.find(Object.class, Object.class).isEmpty());
    Path file = dir.resolve("db.mv.db");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "")) {
      writeInBatchesThenPrune(c);
      long before = Files.size(file);
      compactAll(c);
      StoreCompaction.Move move = null;
      for (int i = 0; i < 100 && (move == null || move.moved()); i++) {
        move = StoreCompaction.moveChunks(c, 90, 16 * 1024 * 1024, Optional.empty()).orElseThrow();
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO other_commits VALUES (" + i + ")");
        }
      }
      assertTrue(move.afterBytes() < before * 6 / 10, "before " + before + " bytes, after H2's moves " + move);
      try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(body)) FROM row_data")) {
        r.next();
        assertEquals(5000, r.getInt(1));
        assertEquals(5000L * 1000 + 5000 * 5, r.getLong(2));
      }
    }
  }

  private static int fillRateH2Reports(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILL_RATE'")) {
      r.next();
      return Integer.parseInt(r.getString(1));
    }
  }

  /**
   * One row updated by a commit after another, as the dispatcher updates a delivery: each commit writes a chunk
   * and the one before it dies. H2 frees a dead chunk only when it writes again, so once the writes stop, the
   * chunks that died in the last retention time stay allocated for as long as nothing is written; the app's
   * file stayed at 1.8 GB, 41 % of it in use, after a benchmark.
   */
  @Test
  void theDeadChunksOfAStoreThatWentQuietAreFreedWithoutAWrite() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE row_data (id INT PRIMARY KEY, body VARCHAR(4000))");
      s.execute("INSERT INTO row_data VALUES (1, 'a')");
      try (PreparedStatement p = c.prepareStatement("UPDATE row_data SET body = ? WHERE id = 1")) {
        for (int i = 0; i < 2000; i++) {
          p.setString(1, "z".repeat(2000) + i);
          p.executeUpdate();
        }
      }
      // H2's default retention (45 s) held every dead chunk while the commits ran; past it now, with no write:
      StoreCompaction.shortenRetention(c, 1);
      Thread.sleep(20);
      long writes = StoreCompaction.fileWrites(c).orElseThrow();
      int quiet = fillRateH2Reports(c);
      assertTrue(quiet > 90, "without a write, the dead chunks stay allocated: " + quiet + " % in use");

      int freed = StoreCompaction.freeDeadChunks(c).orElseThrow().fillRate();

      assertTrue(freed < 10, "after freeing them: " + freed + " % in use");
      assertEquals(freed, fillRateH2Reports(c));
      assertEquals(writes, StoreCompaction.fileWrites(c).orElseThrow(), "freeing writes nothing to the file");
      StoreCompaction.Move move = StoreCompaction.moveChunks(c, 90, 16 * 1024 * 1024).orElseThrow();
      try (var r = s.executeQuery("SELECT body FROM row_data")) {
        r.next();
        assertEquals("z".repeat(2000) + 1999, r.getString(1), "the live row is intact: " + move);
      }
    }
  }

  /** Rewriting takes only chunks at least the minimum age old, and leaves the retention time as it found it. */
  @Test
  void rewritingLeavesChunksYoungerThanTheMinimumAge() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "")) {
      churn(c); // RETENTION_TIME 0: every chunk is old enough for H2
      assertFalse(StoreCompaction.compact(c, 90, 16 * 1024 * 1024, 60_000).orElseThrow().rewrote(), "no chunk is a minute old");
      assertEquals(0, StoreCompaction.shortenRetention(c, 0).orElseThrow(), "the retention time is back to what it was");
      assertTrue(StoreCompaction.compact(c, 90, 16 * 1024 * 1024, 0).orElseThrow().rewrote(), "without the minimum age they are rewritten");
    }
  }

  @Test
  void theRetentionTimeIsShortenedOnlyWhereNobodyChoseOne() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "")) {
      assertTrue(StoreCompaction.sync(c), "an embedded file is synced");
      assertEquals(45_000, StoreCompaction.shortenRetention(c, 60_000).orElseThrow(), "H2's default, 45 s, is never lengthened");
      assertEquals(10_000, StoreCompaction.shortenRetention(c, 10_000).orElseThrow(), "but shortened");
      assertEquals(10_000, StoreCompaction.shortenRetention(c, 5_000).orElseThrow(), "once: then it is a time somebody chose");
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("other") + ";WRITE_DELAY=0;RETENTION_TIME=60000", "sa", "")) {
      assertEquals(60_000, StoreCompaction.shortenRetention(c, 10_000).orElseThrow(), "the URL's choice stays");
    }
  }

  @Test
  void aSparseFileIsCompactedBeforeTheFirstConnectionAndADenseOneIsLeftAlone() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
    Path file = dir.resolve("db.mv.db");
    // H2 compacts for up to 200 ms when it closes a database; how far it gets depends on the machine, so the
    // churned file is closed without it (a process killed, or one that was busy, leaves it the same way).
    try (Connection c = DriverManager.getConnection(url + ";MAX_COMPACT_TIME=0", "sa", "")) {
      churn(c); // the older half pruned: most of the file is free space spread through it
    }
    var h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL(url);
    h2.setUser("sa");
    long before = Files.size(file);
    StoreCompaction.Shrunk shrunk = StoreCompaction.shrinkIfSparse(h2, file, 0, 50).orElseThrow();
    assertTrue(shrunk.afterBytes() < before / 4, "before " + before + " bytes, after " + shrunk.afterBytes());
    assertTrue(Files.size(file) == shrunk.afterBytes(), "the file on disk is what was reported");
    try (Connection c = h2.getConnection(); Statement s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*), MIN(id) FROM row_data")) {
      r.next();
      assertTrue(r.getInt(1) == 3000 && r.getInt(2) == 3000, "the rows that were kept are all there");
    }
    assertTrue(StoreCompaction.shrinkIfSparse(h2, file, 0, 50).isEmpty(), "a compacted file is left as it is");
    assertTrue(StoreCompaction.shrinkIfSparse(h2, file, Files.size(file) + 1, 100).isEmpty(), "so is one under the size");
    assertTrue(StoreCompaction.shrinkIfSparse(h2, dir.resolve("none.mv.db"), 0, 50).isEmpty(), "and a file not made yet");
  }

  @Test
  void theCountOfFileWritesMovesWithCommitsAndNotWithReads() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      long before = StoreCompaction.fileWrites(c).orElseThrow();
      s.executeQuery("SELECT COUNT(*) FROM t").close();
      assertEquals(before, StoreCompaction.fileWrites(c).orElseThrow(), "a read writes nothing");
      s.execute("INSERT INTO t VALUES (1)");
      assertTrue(StoreCompaction.fileWrites(c).orElseThrow() > before, "a commit writes");
    }
  }

  @Test
  void aDatabaseInMemoryIsLeftAlone() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:compaction", "sa", "")) {
      assertTrue(StoreCompaction.compact(c, 90, 1024, 0).isEmpty());
      assertTrue(StoreCompaction.moveChunks(c, 90, 1024).isEmpty());
      assertTrue(StoreCompaction.fileWrites(c).isEmpty());
      assertTrue(StoreCompaction.freeDeadChunks(c).isEmpty());
      assertFalse(StoreCompaction.sync(c));
      assertTrue(StoreCompaction.shortenRetention(c, 10_000).isEmpty());
    }
  }
}
