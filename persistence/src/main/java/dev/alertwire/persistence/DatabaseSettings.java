package dev.alertwire.persistence;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is. Read like MicroProfile Config reads it (system property first, then the environment
 * variable), but without it: the server creates the data source before the application's config exists.
 */
public final class DatabaseSettings {
  private DatabaseSettings() {}

  public static Path dataDir() {
    return Path.of(setting("alertwire.data.dir").orElse("./data")).toAbsolutePath().normalize();
  }

  /**
   * Default: an H2 file database in the data directory, created on first start. WRITE_DELAY=0 writes each
   * commit out at once: with H2's default (500 ms) a killed JVM loses the alerts it just acknowledged.
   */
  public static String url() {
    return setting("alertwire.db.url")
        .orElseGet(() -> "jdbc:h2:file:" + dataDir().resolve("alertwire") + ";WRITE_DELAY=0");
  }

  public static String user() {
    return setting("alertwire.db.user").orElse("alertwire");
  }

  public static String password() {
    return setting("alertwire.db.password").orElse("alertwire");
  }

  /** alertwire.db.url is looked up as the system property, then as ALERTWIRE_DB_URL. */
  static Optional<String> setting(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
