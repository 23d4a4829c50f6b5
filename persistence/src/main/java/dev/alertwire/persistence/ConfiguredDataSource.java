package dev.alertwire.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The class the application's @DataSourceDefinition names. It reads {@link DatabaseSettings} when the server
 * creates it and hands out connections of the matching driver, so one build runs on H2 and PostgreSQL and
 * the server pools and enlists the connections in JTA as usual.
 */
public class ConfiguredDataSource implements DataSource {
  private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());
  private final DataSource target;
  /** An embedded H2 database's files, made owner-only once H2 has created them (on the first connection). */
  private final Optional<DatabaseSettings.H2Files> h2Files = DatabaseSettings.h2Files();
  private final AtomicBoolean h2FilesTightened = new AtomicBoolean();
  /** Held by the JVM's first connection to an embedded H2 file while it decides whether to compact it. */
  private static final Object FIRST_CONNECTION = new Object();
  private static boolean firstConnectionMade;
  /** A file smaller than this is never compacted at start: the few seconds are not worth it. */
  static final long SHRINK_MIN_BYTES = 256L << 20;
  /** Compacted at start when less than this share of the file is in use. */
  static final int SHRINK_BELOW_PERCENT = 50;

  public ConfiguredDataSource() {
    String url = DatabaseSettings.url();
    if (url.startsWith("jdbc:postgresql:")) {
      var pg = new org.postgresql.ds.PGSimpleDataSource();
      pg.setURL(url);
      pg.setUser(DatabaseSettings.user());
      pg.setPassword(DatabaseSettings.password());
      target = pg;
    } else if (url.startsWith("jdbc:h2:")) {
      h2Files.ifPresent(files -> {
        DataDirectory.secure(files.directory());
        DataDirectory.tightenFiles(files.directory(), files.prefix());
      });
      var h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL(url);
      h2.setUser(DatabaseSettings.user());
      h2.setPassword(DatabaseSettings.password());
      target = h2;
    } else {
      throw new IllegalStateException("ALERTWIRE_DB_URL must be a jdbc:h2: or jdbc:postgresql: URL");
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (h2Files.isPresent()) {
      shrinkBeforeFirstConnection();
    }
    return tightenedAfter(target.getConnection());
  }

  /**
   * The first connection of this JVM to an embedded H2 file first gives back the space a large prune or an
   * upgrade left spread through the file ({@link StoreCompaction#shrinkIfSparse}); the others wait for it, as
   * the compaction closes the database. A failure is logged and the start goes on with the file as it is.
   */
  private void shrinkBeforeFirstConnection() {
    synchronized (FIRST_CONNECTION) {
      if (firstConnectionMade) {
        return;
      }
      firstConnectionMade = true;
      DatabaseSettings.H2Files files = h2Files.get();
      try {
        StoreCompaction.shrinkIfSparse(target, files.directory().resolve(files.prefix() + "mv.db"), SHRINK_MIN_BYTES, SHRINK_BELOW_PERCENT)
            .ifPresent(done -> LOG.info(() -> String.format(java.util.Locale.ROOT,
                "The H2 file was %d MiB with %d %% of it in use; compacted before start to %d MiB in %.1f s",
                done.beforeBytes() >> 20, done.usedPercent(), done.afterBytes() >> 20, done.millis() / 1000.0)));
      } catch (SQLException | RuntimeException e) {
        // E.g. the EAR on a full server, where another copy of H2 holds the file already (see Commits).
        LOG.fine(() -> "No compaction before start: " + e);
      }
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    // The server passes the annotation's user and password; the configured ones are the real ones.
    return tightenedAfter(target.getConnection());
  }

  /** H2 creates its files with the process's umask: the directory is owner-only anyway, the files are made so too. */
  private Connection tightenedAfter(Connection connection) {
    if (h2Files.isPresent() && h2FilesTightened.compareAndSet(false, true)) {
      DataDirectory.tightenFiles(h2Files.get().directory(), h2Files.get().prefix());
    }
    return connection;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target.isWrapperFor(type);
  }
}
