package dev.alertwire.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One writer that commits for many callers: writes that arrive while a commit is running wait in a queue and
 * go together into the next transaction, and each caller gets its answer only after the commit that holds its
 * write. On H2 with {@code WRITE_DELAY=0} every commit writes a chunk of the store, and on PostgreSQL every
 * commit waits for an fsync; with one writer, the number of commits a second stops growing with the load.
 *
 * <p>The writes are plain JDBC on a connection the writer keeps: the group-commit prototype on the branch
 * {@code intake} went through EclipseLink's unit of work, whose cost grew with each write in a batch
 * (docs/benchmarks.md). Keeping its own connection also means a writer never waits for the pool while the
 * callers that wait for it hold pooled connections.
 *
 * <p>When a batch fails, it is rolled back and each of its writes is tried again alone, so one bad write
 * fails only its own caller. A write must therefore do nothing outside the connection that a rollback
 * cannot undo.
 */
public final class GroupCommit implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  /** A write: runs in the writer's transaction; its answer is handed to the caller after the commit. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private record Pending<T>(Work<T> work, CompletableFuture<T> done) {
    @SuppressWarnings("unchecked")
    void complete(Object result) {
      done.complete((T) result);
    }
  }

  private final DataSource dataSource;
  private final int maxBatch;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private volatile boolean closed;
  private volatile boolean writing;
  private Connection connection;

  public GroupCommit(DataSource dataSource, ThreadFactory threads, int maxBatch) {
    this.dataSource = dataSource;
    this.maxBatch = Math.max(1, maxBatch);
    this.writer = threads.newThread(this::run);
    this.writer.setName("alertwire-group-commit");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Queues a write; the future completes after the commit that holds it (or with why it failed). */
  public <T> CompletableFuture<T> submit(Work<T> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("the writer is closed"));
      return done;
    }
    queue.add(new Pending<>(work, done));
    return done;
  }

  /**
   * Queues a write and waits for its commit. SQL errors come back as {@link WriteFailedException}; runtime
   * exceptions thrown by the write come back as they were.
   */
  public <T> T await(Work<T> work) {
    if (Thread.currentThread() == writer) {
      throw new IllegalStateException("the writer cannot wait for itself");
    }
    try {
      return submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteFailedException("interrupted while waiting for the commit", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new WriteFailedException(String.valueOf(cause.getMessage()), cause);
    }
  }

  /** Commits made so far, and writes committed: their ratio is the mean batch. */
  public long commits() {
    return commits.get();
  }

  public long writes() {
    return writes.get();
  }

  /** Writes queued and not yet taken into a batch. */
  public int waiting() {
    return queue.size();
  }

  /** Whether a batch is being written now. */
  public boolean writing() {
    return writing;
  }

  private void run() {
    List<Pending<?>> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        writing = true;
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        LOG.log(Level.SEVERE, "The group-commit writer failed a batch", e);
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        writing = false;
        batch.clear();
      }
    }
    queue.forEach(p -> p.done().completeExceptionally(new IllegalStateException("the writer is closed")));
    closeConnection();
  }

  private void write(List<Pending<?>> batch) {
    List<Object> results = new ArrayList<>(batch.size());
    try {
      Connection c = connection();
      try {
        for (Pending<?> p : batch) {
          results.add(p.work().apply(c));
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).done().completeExceptionally(e);
        if (e instanceof SQLException) {
          closeConnection(); // it may be the connection that failed; the next write takes a new one
        }
        return;
      }
      for (Pending<?> p : batch) {
        write(List.of(p)); // one bad write fails only its own caller
      }
      return;
    }
    commits.incrementAndGet();
    writes.addAndGet(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).complete(results.get(i));
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Rollback failed", e);
    }
  }

  private void closeConnection() {
    if (connection == null) {
      return;
    }
    try {
      connection.setAutoCommit(true);
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Closing the writer's connection failed", e);
    }
    connection = null;
  }

  /** Writes queued before this are committed; later ones fail. */
  @Override
  public void close() {
    closed = true; // no interrupt: H2 closes its file when a thread inside it is interrupted
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A write that could not be committed. */
  public static final class WriteFailedException extends RuntimeException {
    WriteFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
