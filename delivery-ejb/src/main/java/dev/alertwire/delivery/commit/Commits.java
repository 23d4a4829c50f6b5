package dev.alertwire.delivery.commit;

import dev.alertwire.persistence.ConfiguredDataSource;
import dev.alertwire.persistence.GroupCommit;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's one group-commit writer, started on first use on a managed thread. Its connection comes
 * from {@link ConfiguredDataSource} directly, not from the server's pool: the callers that wait for the writer
 * hold pooled connections, and with the pool used up by them a writer waiting for one of its own would wait
 * for ever (the first benchmark of this design did exactly that).
 *
 * <p>One exception: the EAR on a full Payara Server with the embedded H2 database. There the server's pool
 * loads H2 through a class loader of its own, so the application's copy of H2 is a second engine in the same
 * JVM and cannot open the file the pool holds ("Database may be already in use", H2 error 90020; every
 * accepted alert answered 500, found by {@code scripts/ear-smoke.sh}). The writer then takes one pooled
 * connection and keeps it: it never asks for a second one, so the callers holding the others cannot starve it.
 */
@ApplicationScoped
public class Commits {
  /** Enough for a fan-out of a few alerts, or a full claim batch with its attempts, in one commit. */
  static final int MAX_BATCH = 256;

  private static final Logger LOG = Logger.getLogger(Commits.class.getName());
  /** H2's DATABASE_ALREADY_OPEN_1: the file is open in another engine. */
  public static final int H2_ALREADY_OPEN = 90020;

  @Resource ManagedThreadFactory threads;

  @Resource(lookup = "java:app/jdbc/alertwire")
  DataSource pooled;

  private GroupCommit writer;

  private synchronized GroupCommit writer() {
    if (writer == null) {
      writer = new GroupCommit(writerSource(), threads, MAX_BATCH);
    }
    return writer;
  }

  private DataSource writerSource() {
    DataSource direct = new ConfiguredDataSource();
    try (Connection probe = direct.getConnection()) {
      return direct;
    } catch (SQLException e) {
      if (e.getErrorCode() == H2_ALREADY_OPEN) {
        LOG.info("The server's pool holds the H2 file through its own copy of H2 (the EAR on a full server):"
            + " the group-commit writer keeps one pooled connection instead of its own");
        return pooled;
      }
      return direct; // the database is down: the writer's next write tries again, as with any failure
    }
  }

  /** Runs {@code work} in the next group commit and returns its answer once that commit is done. */
  public <T> T await(GroupCommit.Work<T> work) {
    return writer().await(work);
  }

  /** Writes queued for the next commit or being written: a compaction step waits while there are any. */
  public synchronized int waiting() {
    return writer == null ? 0 : writer.waiting() + (writer.writing() ? 1 : 0);
  }

  /** Commits the writer has made so far. */
  public synchronized long committed() {
    return writer == null ? 0 : writer.commits();
  }

  @PreDestroy
  synchronized void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
