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
  private final DataSource target;
  /** An embedded H2 database's files, made owner-only once H2 has created them (on the first connection). */
  private final Optional<DatabaseSettings.H2Files> h2Files = DatabaseSettings.h2Files();
  private final AtomicBoolean h2FilesTightened = new AtomicBoolean();

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
    return tightenedAfter(target.getConnection());
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
