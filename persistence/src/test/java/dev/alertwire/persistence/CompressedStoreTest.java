package dev.alertwire.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.IntStream;
import org.h2.mvstore.MVStoreTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default H2 database writes compressed pages (COMPRESS=TRUE), and a data directory written by a release
 * without it opens with it and keeps every row, through compaction, moves and a restart.
 */
class CompressedStoreTest {
  /** The default URL of the releases before compressed pages. */
  private static String uncompressedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("alertwire") + ";WRITE_DELAY=0";
  }

  @TempDir Path tmp;
  @RegisterExtension final DefaultDatabaseFixture database = new DefaultDatabaseFixture();

  private Path dataDir(String name) {
    return database.use(tmp.resolve(name));
  }

  private static Connection open(String url) throws SQLException {
    return DriverManager.getConnection(url, DatabaseSettings.user(), DatabaseSettings.password());
  }

  /** An alert's variables as the app stores them: JSON, keys repeated from row to row, values that differ. */
  private static String variables(int i) {
    return "{\"alertType\":\"ALERT\",\"checkId\":\"check-" + (i % 50) + "\",\"checkName\":\"api.example.test /health "
        + (i % 50) + "\",\"checkUrl\":\"https://api.example.test/health/" + (i % 50) + "\",\"summary\":\"Request failed"
        + " with status 503 on attempt " + i + "\",\"tags\":[\"team-payments\",\"region-eu\",\"tier-1\"],\"occurredAt\":"
        + (1_764_000_000_000L + i * 1000L) + "}";
  }

  /** Rows written as deliveries are: a table with an index, small commits (a group commit's worth). */
  private static void write(Connection c, int from, int to) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS event_row (id INT PRIMARY KEY, check_id VARCHAR(40), variables VARCHAR(100000))");
      s.execute("CREATE INDEX IF NOT EXISTS event_row_check ON event_row (check_id, id)");
    }
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO event_row VALUES (?, ?, ?)")) {
      for (int i = from; i < to; i++) {
        p.setInt(1, i);
        p.setString(2, "check-" + (i % 50));
        p.setString(3, variables(i));
        p.executeUpdate();
        if (i % 20 == 19) {
          c.commit();
        }
      }
    }
    c.commit();
    c.setAutoCommit(true);
  }

  /** Every row from {@code from} to {@code to}, each one read back whole. */
  private static void assertRows(Connection c, int from, int to) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, check_id, variables FROM event_row ORDER BY id")) {
      int expected = from;
      while (r.next()) {
        assertEquals(expected, r.getInt(1));
        assertEquals("check-" + (expected % 50), r.getString(2));
        assertEquals(variables(expected), r.getString(3));
        expected++;
      }
      assertEquals(to, expected, "rows " + from + " to " + to);
    }
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM event_row WHERE check_id = 'check-7'")) {
      r.next();
      long inRange = IntStream.range(from, to).filter(i -> i % 50 == 7).count();
      assertEquals(inRange, r.getLong(1), "the index reads the same rows");
    }
  }

  /** The leaf pages of a closed file, and how many of them are compressed. */
  private record Leaves(int all, int compressed) {}

  /** The leaves as H2's own dump of the file lists them. */
  private static Leaves leafPages(Path file) {
    StringWriter dump = new StringWriter();
    MVStoreTool.dump(file.toString(), dump, true);
    int leaves = 0;
    int compressed = 0;
    for (String line : dump.toString().split("\n")) {
      if (line.matches("\\s*\\+[0-9a-f]+ leaf.*")) {
        leaves++;
        if (line.contains("leaf compressed")) {
          compressed++;
        }
      }
    }
    return new Leaves(leaves, compressed);
  }

  @Test
  void theDefaultDatabaseWritesCompressedPages() throws Exception {
    Path plainDir = dataDir("plain");
    try (Connection c = open(uncompressedUrl(plainDir))) {
      write(c, 0, 5_000);
    }
    Leaves plain = leafPages(plainDir.resolve("alertwire.mv.db"));
    assertTrue(plain.all() > 100 && plain.compressed() == 0, "without the setting: " + plain);

    Path compressedDir = dataDir("compressed");
    try (Connection c = open(DatabaseSettings.url())) {
      write(c, 0, 5_000);
      assertRows(c, 0, 5_000);
    }
    Leaves compressed = leafPages(compressedDir.resolve("alertwire.mv.db"));
    // H2 leaves a page uncompressed when compressing it would not make it shorter (the smallest ones).
    assertTrue(compressed.compressed() > compressed.all() / 2, "with the default URL: " + compressed);
  }

  @Test
  void aDataDirectoryWrittenWithoutCompressionKeepsEveryRowWithIt() throws Exception {
    Path dir = dataDir("upgraded");
    Path file = dir.resolve("alertwire.mv.db");
    try (Connection c = open(uncompressedUrl(dir))) {
      write(c, 0, 20_000);
    }
    try (Connection c = open(DatabaseSettings.url())) {
      assertRows(c, 0, 20_000);
      write(c, 20_000, 30_000); // new pages, compressed, beside the old ones
      try (Statement s = c.createStatement()) {
        s.execute("SET RETENTION_TIME 0");
        s.execute("DELETE FROM event_row WHERE id < 10000"); // retention pruning the oldest
        s.execute("CREATE TABLE other_commits (id INT)");
      }
      // Compaction as the app runs it: the old pages it rewrites are written compressed.
      for (int i = 0; i < 40; i++) {
        StoreCompaction.Pass pass = StoreCompaction.compact(c, 90, 16 * 1024 * 1024, 0).orElseThrow();
        StoreCompaction.moveChunks(c, 90, 16 * 1024 * 1024).orElseThrow();
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO other_commits VALUES (" + i + ")");
        }
        if (!pass.rewrote() && i > 3) {
          break;
        }
      }
      assertRows(c, 10_000, 30_000);
    }
    try (Connection c = open(DatabaseSettings.url())) {
      assertRows(c, 10_000, 30_000);
    }
    assertTrue(leafPages(file).compressed() > 0, "the pages written since are compressed");
    try (Connection c = open(uncompressedUrl(dir))) {
      assertRows(c, 10_000, 30_000); // and back: a release without the setting reads the compressed pages
    }
  }
}
