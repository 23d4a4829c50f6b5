package dev.alertwire.delivery.commit;

import dev.alertwire.persistence.ConfiguredDataSource;
import dev.alertwire.persistence.GroupCommit;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one group-commit writer, started on first use on a managed thread. Its connection comes
 * from {@link ConfiguredDataSource} directly, not from the server's pool: the callers that wait for the writer
 * hold pooled connections, and with the pool used up by them a writer waiting for one of its own would wait
 * for ever (the first benchmark of this design did exactly that).
 */
@ApplicationScoped
public class Commits {
  /** Enough for a fan-out of a few alerts, or a full claim batch with its attempts, in one commit. */
  static final int MAX_BATCH = 256;

  @Resource ManagedThreadFactory threads;

  private GroupCommit writer;

  private synchronized GroupCommit writer() {
    if (writer == null) {
      writer = new GroupCommit(new ConfiguredDataSource(), threads, MAX_BATCH);
    }
    return writer;
  }

  /** Runs {@code work} in the next group commit and returns its answer once that commit is done. */
  public <T> T await(GroupCommit.Work<T> work) {
    return writer().await(work);
  }

  @PreDestroy
  synchronized void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
