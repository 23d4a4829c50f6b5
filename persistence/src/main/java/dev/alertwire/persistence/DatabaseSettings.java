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
   * COMPRESS=TRUE writes each page LZF-compressed: the store writes every page a commit changed into a new
   * chunk, and the file holds about a minute of those (docs/benchmarks.md, sections 11 and 14). H2 marks each
   * page as compressed or not, so a file written without it opens and reads as before, and its old pages are
   * compressed as compaction rewrites them.
   */
  public static String url() {
    return setting("alertwire.db.url")
        .orElseGet(() -> "jdbc:h2:file:" + dataDir().resolve("alertwire") + ";WRITE_DELAY=0;COMPRESS=TRUE");
  }

  /**
   * Where an embedded H2 database keeps its files, and their common name prefix ({@code alertwire.} for
   * {@code alertwire.mv.db}); empty for PostgreSQL and for H2 in memory or over TCP.
   */
  public static Optional<H2Files> h2Files() {
    String url = url();
    if (!url.startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String path = url.substring("jdbc:h2:".length());
    int options = path.indexOf(';');
    if (options >= 0) {
      path = path.substring(0, options);
    }
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    } else if (path.matches("^[a-zA-Z][a-zA-Z0-9]+:.*")) {
      return Optional.empty(); // mem:, tcp:, ssl:, zip:, ...
    }
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    if (path.isBlank()) {
      return Optional.empty();
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    return file.getParent() == null
        ? Optional.empty()
        : Optional.of(new H2Files(file.getParent(), file.getFileName().toString() + "."));
  }

  public record H2Files(Path directory, String prefix) {}

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
