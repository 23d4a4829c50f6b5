package dev.alertwire.delivery.retention;

import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.persistence.ConfiguredDataSource;
import dev.alertwire.persistence.DatabaseSettings;
import dev.alertwire.persistence.StoreCompaction;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the embedded H2 file bounded ({@link StoreCompaction}): chunks of the store that are less than
 * {@link #FILL_RATE} percent live are rewritten, so the space that deliveries, attempts and pruning leave behind
 * is reused and the file's free end is given back. Nothing happens on PostgreSQL, whose autovacuum does this job.
 *
 * <p>A pass holds the store's lock, and every commit waits for it ({@link CompactionPace}). So a look every
 * {@link #LOOK_EVERY_SECONDS} s rewrites one step of {@link #STEP_BYTES} while the store is being written to,
 * and up to {@link #MAX_STEPS} steps of {@link #IDLE_STEP_BYTES} when nothing wrote since the previous look,
 * stopping as soon as a write waits for the group commit. (It was one pass of 16 MiB every 5 s, whatever the
 * load.)
 *
 * <p>Rewriting cannot shrink a file whose end holds full chunks: a prune of the oldest deliveries frees the
 * start of the file and leaves the newest deliveries' chunks at its end, and the chunks that rewriting writes go
 * wherever there is room. So each step of an idle look also moves the chunks at the file's end into free space
 * nearer its start ({@link StoreCompaction#moveChunks}, about {@link #MOVE_BYTES} a step), and the end is cut
 * while the app runs; before section 8 of docs/benchmarks.md, only at the next start ({@code
 * StoreCompaction.shrinkIfSparse}). Moves wait for an idle look, since a commit that comes meanwhile (from any
 * connection) waits for the move; when H2 finds nothing to move, or a file's worth of moves has not cut the
 * file, no move is tried again before the app writes or more of the file is freed ({@link
 * CompactionPace#mayMove}); when half a minute of idle looks has not lowered the space allocated to chunks, no
 * rewriting either ({@link CompactionPace#mayRewrite}). A look ends when a step rewrote nothing and its move
 * was not made or not worth going on with ({@link CompactionPace#moveDone}).
 *
 * <p>H2 frees a chunk with no live page only when it writes, and only {@link #RETENTION_MILLIS} after the chunk
 * was written; so an idle look frees them first ({@link StoreCompaction#freeDeadChunks}): nothing else would
 * once the app is quiet. Each look syncs the file, and the retention time is 10 s instead of H2's 45 s. Both
 * were measured on the delivery benchmark: after a minute at 200 alerts/s an idle app's file stayed at 1.7 GB
 * before; after, it went from 0.9 GB to 44 MiB in the first 50 s of idle time (docs/benchmarks.md, section 9).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StoreHousekeeping {
  private static final Logger LOG = Logger.getLogger(StoreHousekeeping.class.getName());
  /** H2's own default for its background compaction (AUTO_COMPACT_FILL_RATE). */
  static final int FILL_RATE = CompactionPace.MOVE_BELOW_FILL_RATE;
  static final int LOOK_EVERY_SECONDS = 2;
  /**
   * Per step. H2 rewrites whole chunks within this budget, so a step much smaller than the app's chunks
   * rewrites nothing (1 MiB did not, on the IT database); 4 MiB took 45 to 420 ms there.
   */
  static final int STEP_BYTES = 4 * 1024 * 1024;
  /**
   * Per rewriting step of an idle look: H2's own budget for its background compaction. H2 counts the budget in
   * live bytes and spends it on the chunks with the least live data first; after the full delivery benchmark
   * those were thousands of chunks with next to nothing live, whose pages H2 could not rewrite, and steps of
   * {@link #STEP_BYTES} rewrote nothing else for ten idle minutes while 4.6 GB of chunks held 1.1 GB of live
   * data. Steps of 16 MiB reach past them (docs/benchmarks.md, section 13); 16 MiB took 120 to 160 ms a step.
   */
  static final int IDLE_STEP_BYTES = 16 * 1024 * 1024;
  /**
   * Per move of an idle look: the last chunks of the file, about this much of them, or one chunk of up to four
   * times this (a chunk written by one large transaction, a prune or a fan-out, can be bigger than {@link
   * #STEP_BYTES}). On a copy of a benchmark's 1.6 GB file a move of 16 MiB took 80 to 200 ms, and the one that
   * cut the file to 126 MiB 550 ms (docs/benchmarks.md, section 8).
   */
  static final int MOVE_BYTES = 16 * 1024 * 1024;
  /**
   * Steps of one idle look, each a rewriting of up to {@link #IDLE_STEP_BYTES} of live data and a move of about
   * {@link #MOVE_BYTES}; a commit that comes meanwhile waits for the rewriting or the move under way, not for
   * the rest of the look.
   */
  static final int MAX_STEPS = 4;
  /**
   * H2's retention time: a chunk that holds no live page may be overwritten once it is this old (counted from
   * when it was written). H2's default, 45 s, leaves the flush of the chunks that replaced it to the operating
   * system; here every look syncs the file, five times within 10 s. At 200 alerts/s the app writes a chunk a
   * commit, about 530 a second, most of them dead within a second; after two and a half minutes of load, 18,401
   * of the file's 26,365 chunks were dead and waiting out the 45 s, and 2 % of the chunks' space was live in a
   * 1.6 GB file (docs/benchmarks.md, section 9). See {@link StoreCompaction#shortenRetention} for what the syncs
   * cover and what they do not.
   */
  static final int RETENTION_MILLIS = 10_000;
  /**
   * Only chunks at least this old are rewritten: H2's default retention time, which chose them before {@link
   * #RETENTION_MILLIS}. With the short retention time alone, every look under load rewrote a full step of young
   * chunks, and the p99 at 200 alerts/s went from 39-43 ms to 87-102 ms (docs/benchmarks.md, section 9).
   */
  static final int REWRITE_MIN_AGE_MILLIS = 45_000;

  /** H2's engine is reached through its own connection class, which the server's pooled wrapper hides. */
  private final boolean embeddedH2 = DatabaseSettings.h2Files().isPresent();
  private final AtomicBoolean running = new AtomicBoolean();
  private final CompactionPace pace = new CompactionPace(MOVE_BYTES, IDLE_STEP_BYTES);
  private volatile DataSource direct;
  private volatile boolean notH2;
  /** Whether the file has been synced at a look since the start, and the retention time shortened. */
  private boolean retentionShortened;

  @Inject Commits commits;

  /**
   * Every look forces the file onto the disk, and once it has, H2 may overwrite a chunk with no live page
   * {@link #RETENTION_MILLIS} after the chunk was written instead of 45 s.
   */
  private void syncAndShortenRetention(Connection c) throws SQLException {
    StoreCompaction.sync(c);
    if (!retentionShortened) {
      StoreCompaction.shortenRetention(c, RETENTION_MILLIS).ifPresent(ms -> LOG.fine(() -> "H2 retention time: " + ms + " ms"));
      retentionShortened = true;
    }
  }

  @Schedule(hour = "*", minute = "*", second = "*/" + LOOK_EVERY_SECONDS, persistent = false)
  void compact() {
    if (!embeddedH2 || notH2 || !running.compareAndSet(false, true)) {
      return;
    }
    if (direct == null) {
      direct = new ConfiguredDataSource();
    }
    try (Connection c = direct.getConnection()) {
      long committedBefore = commits.committed(); // before the store's count: a commit in between is activity
      OptionalLong writes = StoreCompaction.fileWrites(c);
      if (writes.isEmpty()) {
        notH2 = true;
        return;
      }
      syncAndShortenRetention(c);
      CompactionPace.Pass pass = pace.next(writes.getAsLong());
      int steps = pass == CompactionPace.Pass.IDLE ? MAX_STEPS : 1;
      try {
        StoreCompaction.Space free = null;
        for (int i = 0; i < steps && (i == 0 || commits.waiting() == 0); i++) {
          if (pass == CompactionPace.Pass.BUSY) {
            StoreCompaction.compact(c, FILL_RATE, STEP_BYTES, REWRITE_MIN_AGE_MILLIS);
            break;
          }
          boolean rewrote = pace.mayRewrite()
              && StoreCompaction.compact(c, FILL_RATE, IDLE_STEP_BYTES, REWRITE_MIN_AGE_MILLIS).orElseThrow().rewrote();
          free = StoreCompaction.freeDeadChunks(c).orElseThrow();
          boolean moving = false;
          if (commits.waiting() == 0 && pace.mayMove(free.fillRate(), free.fileBytes())) {
            StoreCompaction.Move move =
                StoreCompaction.moveChunks(c, CompactionPace.MOVE_BELOW_FILL_RATE, MOVE_BYTES).orElseThrow();
            moving = pace.moveDone(move.shrank(), move.moved(), move.afterBytes(), move.fillRate());
          }
          if (!rewrote && !moving) {
            break;
          }
        }
        if (free != null) {
          pace.idleLookDone(free.fileBytes() / 100 * free.fillRate());
        }
      } finally {
        // Also after a failure: the look's own writes are not the app's (or a failure that recurs would be taken
        // for activity at every look, and lift every give-up of the pace).
        pace.passDone(StoreCompaction.fileWrites(c).orElseThrow(), commits.committed() != committedBefore);
      }
    } catch (SQLException e) {
      if (e.getErrorCode() == Commits.H2_ALREADY_OPEN) {
        // The EAR on a full server: its pool opened the file through another copy of H2 (see Commits), whose
        // store this copy cannot reach. Compaction is off there; said once, not at every look.
        notH2 = true;
        LOG.info("The H2 file is held by the server's own copy of H2 (the EAR on a full server): store compaction is off");
      } else {
        LOG.log(Level.WARNING, "Compacting the H2 store failed; the next pass tries again", e);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Compacting the H2 store failed; the next pass tries again", e);
    } finally {
      running.set(false);
    }
  }
}
