package dev.alertwire.delivery.commit;

import dev.alertwire.persistence.GroupCommit;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/** The application's one group-commit writer, started on first use on a managed thread. */
@ApplicationScoped
public class Commits {
  /** Enough for a fan-out of a few alerts, or a full claim batch with its attempts, in one commit. */
  static final int MAX_BATCH = 256;

  @Resource(lookup = "java:app/jdbc/alertwire")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  private GroupCommit writer;

  private synchronized GroupCommit writer() {
    if (writer == null) {
      writer = new GroupCommit(dataSource, threads, MAX_BATCH);
    }
    return writer;
  }

  /** Runs {@code work} in the next group commit and returns its answer once that commit is done. */
  public <T> T await(GroupCommit.Work<T> work) {
    return writer().await(work);
  }

  /** Commits so far and writes they held (for figures; not a health check). */
  public long[] counts() {
    GroupCommit w = writer;
    return w == null ? new long[] {0, 0} : new long[] {w.commits(), w.writes()};
  }

  @PreDestroy
  synchronized void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
