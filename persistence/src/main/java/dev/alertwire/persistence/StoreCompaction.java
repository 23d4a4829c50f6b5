package dev.alertwire.persistence;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Compaction for the embedded H2 store, which H2 itself skips under {@code WRITE_DELAY=0}. H2 rewrites
 * sparsely used chunks of its file from the background thread it starts for delayed writes; with a write
 * delay of 0 (needed so an acknowledged alert survives {@code kill -9}) that thread never starts, so chunks
 * that still hold a few live pages are never rewritten, their space is never freed, and the file only grows
 * (24 GB after the delivery benchmark, docs/benchmarks.md). This does the same rewriting on request: live
 * pages of chunks below the fill rate are copied into new chunks, the old ones are freed once H2's retention
 * time has passed, and H2 truncates the file when its end is free.
 *
 * <p>It reaches the store through H2's engine classes, which are not a public API; it is tied to the H2
 * version the build ships, and {@code StoreCompactionTest} fails if that stops working.
 */
public final class StoreCompaction {
  /** H2's unit of file space: chunks start and end on these. */
  private static final int BLOCK_BYTES = 4096;

  private StoreCompaction() {}

  /** What one pass found and did. */
  public record Pass(long fileBytes, int fillRate, boolean rewrote) {}

  /**
   * Rewrites chunks of an embedded H2 store that are less than {@code targetFillRate} percent live and at least
   * {@code minAgeMillis} old (or H2's retention time, if longer), at most about {@code maxWriteBytes} per call;
   * empty when the connection is not to an embedded H2 store. A young chunk's few live pages are mostly the hot
   * ones (the roots and leaves the next commits rewrite anyway), so rewriting it is work for nothing, done under
   * the store's lock: H2 picks chunks older than its retention time, and a short retention time ({@link
   * #shortenRetention}) would have it rewrite young ones. For the call, the retention time is raised to the
   * minimum age; a commit meanwhile frees dead chunks with it, which delays their freeing, never hastens it.
   */
  public static Optional<Pass> compact(Connection connection, int targetFillRate, int maxWriteBytes, int minAgeMillis) throws SQLException {
    Optional<MVStore> store = storeOf(connection);
    if (store.isEmpty()) {
      return Optional.empty();
    }
    MVStore s = store.get();
    int retention = s.getRetentionTime();
    boolean raise = minAgeMillis > retention;
    if (raise) {
      s.setRetentionTime(minAgeMillis);
    }
    boolean rewrote;
    try {
      rewrote = s.compact(targetFillRate, maxWriteBytes);
    } finally {
      if (raise) {
        s.setRetentionTime(retention);
      }
    }
    return Optional.of(new Pass(s.getFileStore().size(), s.getFileStore().getFillRate(), rewrote));
  }

  /**
   * How many times the embedded H2 store has written to its file so far; empty when the connection is not to
   * an embedded H2 store. Two equal readings mean nothing was written in between: the store was idle.
   */
  public static OptionalLong fileWrites(Connection connection) throws SQLException {
    Optional<MVStore> store = storeOf(connection);
    return store.isEmpty() ? OptionalLong.empty() : OptionalLong.of(store.get().getFileStore().getWriteCount());
  }

  /**
   * What one {@link #moveChunks} call did: the file's size before and after, the percentage of it in use (up to
   * its last chunk) after, and whether anything wrote to the file meanwhile (the move, or a commit). Read without
   * the store's lock, so a commit in between can move them. Chunks moved into the middle of the file change
   * neither size nor fill rate: the file is cut only when the move that frees its end comes.
   */
  public record Move(long beforeBytes, long afterBytes, int fillRate, boolean moved) {
    /** The file is smaller than before. */
    public boolean shrank() {
      return afterBytes < beforeBytes;
    }
  }

  /**
   * Gives space back while the store is open: when at most {@code maxFillRate} percent of an embedded H2 file
   * (up to its last chunk) is in use, moves the chunks at the file's end, about {@code moveBytes} of them (at
   * least one chunk, if it is at most four times that), into free space nearer its start, and truncates the end
   * that this frees. When that cannot cut the file (no free space between the chosen chunks, and none below
   * them that the last one fits in) or the last chunk holds nothing live (it is freed soon), H2's own choice of
   * chunks is moved instead, which gathers free space spread in small gaps. Nothing is moved while a backup
   * copies the file. Empty when the connection is not to an embedded H2 file.
   *
   * <p>Rewriting ({@link #compact}) cannot do this: it copies live pages out of sparse chunks wherever they are,
   * and a prune of the oldest deliveries frees the start of the file while the newest, dense chunks stay at its
   * end. H2's own {@code compactMoveChunks(int, long, MVStore)} moves chunks too, but picks them by how small they
   * are and how much free space surrounds them, wherever they sit: after the full delivery benchmark it moved
   * chunks within the file for more than 100 idle seconds, the file's end untouched at 6,983 MiB with a third
   * of it free (docs/benchmarks.md, section 13). Here the last chunks are moved whenever that can cut the file,
   * and H2's choice only otherwise. The move itself is H2's ({@code RandomAccessStore.compactMoveChunks}
   * with the chosen chunks, reached by reflection like the rest of this class): it writes the store's header,
   * copies the chunks, stores the new layout and syncs the file, three to five times, under the store's lock, so
   * every commit waits for it.
   */
  public static Optional<Move> moveChunks(Connection connection, int maxFillRate, long moveBytes) throws SQLException {
    return moveChunks(connection, maxFillRate, moveBytes, H2Internals.FOUND);
  }

  /** {@link #moveChunks(Connection, int, long)} with H2's private members, or without them (H2's choice only). */
  static Optional<Move> moveChunks(Connection connection, int maxFillRate, long moveBytes, Optional<H2Internals> internals)
      throws SQLException {
    Optional<MVStore> store = storeOf(connection);
    if (store.isEmpty() || !(store.get().getFileStore() instanceof RandomAccessStore file)) {
      return Optional.empty();
    }
    long before = file.size();
    long writes = file.getWriteCount();
    boolean tailMoved = internals.isPresent() && moveLastChunks(store.get(), file, internals.get(), maxFillRate, moveBytes);
    if (!tailMoved) {
      // The free space is in gaps too small for the last chunks: H2's own choice of chunks gathers it.
      file.compactMoveChunks(maxFillRate, moveBytes, store.get());
    }
    return Optional.of(new Move(before, file.size(), file.getFillRate(), file.getWriteCount() != writes));
  }

  /** Moves the chunks at the file's end when that can cut it; whether it did. */
  private static boolean moveLastChunks(MVStore store, RandomAccessStore file, H2Internals h2, int maxFillRate, long moveBytes) {
    // The reflection is resolved here, outside: H2 closes the database when the operation below throws.
    ReentrantLock lock = h2.saveChunkLock(file);
    Map<?, ?> chunks = h2.chunks(file);
    boolean[] moved = {false};
    store.executeFilestoreOperation(() -> {
      file.dropUnusedChunks();
      lock.lock();
      try {
        // Not while a backup copies the file (H2 stops reusing space for it), nor above the fill rate.
        if (file.isSpaceReused() && file.getFillRate() <= maxFillRate) {
          List<Chunk<?>> tail = lastChunks(chunks, moveBytes);
          if (!tail.isEmpty() && worthMoving(file, h2, tail)) {
            h2.move(file, tail);
            moved[0] = true;
          }
        }
      } finally {
        lock.unlock();
      }
    });
    return moved[0];
  }

  /**
   * Whether moving these chunks (the file's last, in its order) can cut the file: the last one fits in free space
   * below them all, or there is free space between them, which H2's move closes (it copies the chunks that fit
   * nowhere below past the end of the file, and then back into the space they all held). Otherwise the move
   * would copy them out and back to where they were, writing them twice and cutting nothing.
   */
  private static boolean worthMoving(RandomAccessStore file, H2Internals h2, List<Chunk<?>> tail) {
    Chunk<?> first = tail.get(0);
    Chunk<?> last = tail.get(tail.size() - 1);
    long held = 0;
    for (Chunk<?> chunk : tail) {
      held += chunk.len;
    }
    return held < last.block + last.len - first.block || h2.fitsBelow(file, last, first.block);
  }

  /**
   * The chunks at the end of the file, about {@code bytes} of them and at least one (if that one is at most four
   * times {@code bytes}), in the file's order; none when the last chunk holds nothing live: it is freed once H2's
   * retention time has passed, and moving what lies before it would not cut the file.
   */
  private static List<Chunk<?>> lastChunks(Map<?, ?> chunks, long bytes) {
    List<Chunk<?>> allocated = new ArrayList<>();
    for (Object value : chunks.values()) {
      Chunk<?> chunk = (Chunk<?>) value;
      if (chunk.block != 0) { // H2's own test for a chunk that occupies the file (Chunk.isAllocated)
        allocated.add(chunk);
      }
    }
    allocated.sort(Comparator.comparingLong((Chunk<?> c) -> c.block).reversed());
    List<Chunk<?>> tail = new ArrayList<>();
    long taken = 0;
    for (Chunk<?> chunk : allocated) {
      long length = (long) chunk.len * BLOCK_BYTES;
      if (tail.isEmpty() ? chunk.maxLenLive == 0 || length > 4 * bytes : taken + length > bytes) {
        break;
      }
      tail.add(chunk);
      taken += length;
    }
    Collections.reverse(tail);
    return tail;
  }

  /**
   * The members of H2's store that {@link #moveChunks} needs and H2 does not make public. Looked up once; when
   * this H2 lacks one of them (another version), moves fall back to H2's own choice of chunks, said once in the
   * log, rather than failing at every look.
   */
  static final class H2Internals {
    private static final Logger LOG = Logger.getLogger(StoreCompaction.class.getName());
    static final Optional<H2Internals> FOUND = find(FileStore.class, RandomAccessStore.class);

    private final Field saveChunkLock;
    private final Method chunks;
    private final Method predictAllocation;
    private final Method move;

    private H2Internals(Field saveChunkLock, Method chunks, Method predictAllocation, Method move) {
      this.saveChunkLock = saveChunkLock;
      this.chunks = chunks;
      this.predictAllocation = predictAllocation;
      this.move = move;
    }

    /** The members in these classes (H2's {@code FileStore} and {@code RandomAccessStore}), if they have them. */
    static Optional<H2Internals> find(Class<?> fileStore, Class<?> randomAccessStore) {
      try {
        H2Internals found = new H2Internals(
            fileStore.getDeclaredField("saveChunkLock"),
            fileStore.getDeclaredMethod("getChunks"),
            randomAccessStore.getDeclaredMethod("predictAllocation", int.class, long.class, long.class),
            randomAccessStore.getDeclaredMethod("compactMoveChunks", Iterable.class));
        for (var member : List.of(found.saveChunkLock, found.chunks, found.predictAllocation, found.move)) {
          member.setAccessible(true);
        }
        return Optional.of(found);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.WARNING, "This H2 (" + fileStore.getName() + ") lacks what moving the file's last chunks needs;"
            + " H2's own choice of chunks is moved instead", e);
        return Optional.empty();
      }
    }

    ReentrantLock saveChunkLock(RandomAccessStore file) {
      return (ReentrantLock) get(() -> saveChunkLock.get(file));
    }

    /** H2's map of chunks: the same map for as long as the store is open, read without reflection after this. */
    Map<?, ?> chunks(RandomAccessStore file) {
      return (Map<?, ?>) get(() -> chunks.invoke(file));
    }

    /** Whether H2 would place a copy of the chunk before {@code block}. */
    boolean fitsBelow(RandomAccessStore file, Chunk<?> chunk, long block) {
      return (Long) get(() -> predictAllocation.invoke(file, chunk.len, block, -1L)) < block;
    }

    void move(RandomAccessStore file, List<Chunk<?>> tail) {
      get(() -> move.invoke(file, tail));
    }

    private interface Reflective {
      Object call() throws ReflectiveOperationException;
    }

    private static Object get(Reflective call) {
      try {
        return call.call();
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("H2's store refused StoreCompaction's call", e);
      }
    }
  }

  /** An embedded H2 file's size, and the percentage of it (up to its last chunk) in use. */
  public record Space(long fileBytes, int fillRate) {}

  /**
   * Frees the chunks of an embedded H2 store that hold no live page any more and that H2's retention time lets it
   * overwrite; empty when the connection is not to an embedded H2 file. H2 frees them itself only when it stores
   * (a commit, a move), so when the app goes quiet, the chunks that died in its last seconds of writes stay
   * allocated until something writes again, however long that is: an idle app's file stayed at 1.7 GB with 41 %
   * of it in use after a benchmark (docs/benchmarks.md, section 9). Takes the store's lock for as long as the
   * freeing takes, and writes nothing to the file: the layout that no longer lists the freed chunks is written
   * with the next commit, and a process killed before that opens the file with them listed as dead.
   */
  public static Optional<Space> freeDeadChunks(Connection connection) throws SQLException {
    Optional<MVStore> store = storeOf(connection);
    if (store.isEmpty() || !(store.get().getFileStore() instanceof RandomAccessStore file)) {
      return Optional.empty();
    }
    store.get().executeFilestoreOperation(file::dropUnusedChunks);
    return Optional.of(new Space(file.size(), file.getFillRate()));
  }

  /**
   * Forces what an embedded H2 store has written onto the disk ({@code fsync}); false when the connection is not
   * to an embedded H2 file. H2 does not sync on commit: a committed write survives the process's death at once
   * (it is in the operating system's cache), and a power cut only once the system has flushed it (up to about
   * 35 s on Linux's defaults).
   */
  public static boolean sync(Connection connection) throws SQLException {
    Optional<MVStore> store = storeOf(connection);
    if (store.isEmpty()) {
      return false;
    }
    store.get().sync();
    return true;
  }

  /**
   * Sets H2's retention time, unless the database's URL or a {@code SET RETENTION_TIME} chose one (anything but
   * H2's default, 45 s), and never lengthens it; answers the time in effect after, or empty when the connection
   * is not to an embedded H2 file. H2 may overwrite a chunk that holds no live page once the chunk is this old,
   * counted from when it was written, not from when it died. Its default assumes the system has flushed the
   * chunks that replaced it by then; with a shorter time, a caller should {@link #sync} the file several times
   * within it. That covers the chunks that die young (most of them: a commit's chunk is dead as soon as the next
   * commits rewrite the same pages), not an old chunk that dies between two syncs and is overwritten before the
   * next, which H2's default does not cover either.
   */
  public static OptionalInt shortenRetention(Connection connection, int retentionMillis) throws SQLException {
    Optional<MVStore> store = storeOf(connection);
    if (store.isEmpty()) {
      return OptionalInt.empty();
    }
    MVStore s = store.get();
    if (s.getRetentionTime() == s.getFileStore().getDefaultRetentionTime() && retentionMillis < s.getRetentionTime()) {
      s.setRetentionTime(retentionMillis);
    }
    return OptionalInt.of(s.getRetentionTime());
  }

  /** What {@link #shrinkIfSparse} did: the file's size before and after, and how long it took. */
  public record Shrunk(long beforeBytes, long afterBytes, long millis, int usedPercent) {}

  /**
   * Compacts an embedded H2 file offline ({@code SHUTDOWN COMPACT}) when it is at least {@code minBytes} and
   * less than {@code maxUsedPercent} of it is in use; to be called before anything else in this JVM has opened
   * the database, since the compaction closes it. The running store truncates only a free end of the file, and
   * a large prune or an upgrade's backfill leaves the free space spread through it (3,287 MiB with 44 % in use
   * after V12 and V13 at 1,000,000 deliveries; 699 MiB after this, in 21 s); {@link #moveChunks} gives it back
   * while running, about 16 MiB a step, and this does it at once before the app starts.
   *
   * @return empty when the file was left as it was
   */
  public static Optional<Shrunk> shrinkIfSparse(DataSource h2, Path file, long minBytes, int maxUsedPercent) throws SQLException {
    long before;
    try {
      before = Files.size(file);
    } catch (java.io.IOException noFileYet) {
      return Optional.empty();
    }
    if (before < minBytes) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try (Connection c = h2.getConnection()) {
      Optional<MVStore> store = storeOf(c);
      if (store.isEmpty()) {
        return Optional.empty();
      }
      // Right after opening, H2 knows either the chunks' fill or the file's, not always both: the lower counts.
      var fileStore = store.get().getFileStore();
      int used = Math.min(fileStore.getFillRate(), fileStore.getChunksFillRate());
      if (used >= maxUsedPercent) {
        return Optional.empty();
      }
      try (Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      }
      long after;
      try {
        after = Files.size(file);
      } catch (java.io.IOException e) {
        after = -1;
      }
      return Optional.of(new Shrunk(before, after, (System.nanoTime() - start) / 1_000_000, used));
    }
  }

  private static Optional<MVStore> storeOf(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)) {
      return Optional.empty();
    }
    if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
      return Optional.empty(); // over TCP: the server does its own housekeeping
    }
    var database = local.getDatabase();
    if (database.getStore() == null || database.getStore().getMvStore().getFileStore() == null) {
      return Optional.empty(); // in memory
    }
    return Optional.of(database.getStore().getMvStore());
  }
}
