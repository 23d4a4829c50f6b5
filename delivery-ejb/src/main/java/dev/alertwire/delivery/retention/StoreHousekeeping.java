package dev.alertwire.delivery.retention;

import dev.alertwire.persistence.ConfiguredDataSource;
import dev.alertwire.persistence.DatabaseSettings;
import dev.alertwire.persistence.StoreCompaction;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the embedded H2 file bounded ({@link StoreCompaction}): every few seconds, chunks of the store that are
 * less than {@link #FILL_RATE} percent live are rewritten, a bounded amount at a time, so the space that
 * deliveries, attempts and pruning leave behind is reused and the file's free end is given back. Nothing
 * happens on PostgreSQL, whose autovacuum does this job.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StoreHousekeeping {
  private static final Logger LOG = Logger.getLogger(StoreHousekeeping.class.getName());
  /** H2's own default for its background compaction (AUTO_COMPACT_FILL_RATE). */
  static final int FILL_RATE = 90;
  /** Per pass: about what H2's background thread writes, and small next to a busy second's commits. */
  static final int MAX_WRITE_BYTES = 16 * 1024 * 1024;

  /** H2's engine is reached through its own connection class, which the server's pooled wrapper hides. */
  private final boolean embeddedH2 = DatabaseSettings.h2Files().isPresent();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile DataSource direct;
  private volatile boolean notH2;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void compact() {
    if (!embeddedH2 || notH2 || !running.compareAndSet(false, true)) {
      return;
    }
    if (direct == null) {
      direct = new ConfiguredDataSource();
    }
    try (Connection c = direct.getConnection()) {
      notH2 = StoreCompaction.compact(c, FILL_RATE, MAX_WRITE_BYTES).isEmpty();
    } catch (SQLException e) {
      if (e.getErrorCode() == dev.alertwire.delivery.commit.Commits.H2_ALREADY_OPEN) {
        // The EAR on a full server: its pool opened the file through another copy of H2 (see Commits), whose
        // store this copy cannot reach. Compaction is off there; said once, not every five seconds.
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
