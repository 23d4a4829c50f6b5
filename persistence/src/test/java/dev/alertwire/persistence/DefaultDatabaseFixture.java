package dev.alertwire.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test of the app's default database ({@link DatabaseSettings#url()} with no URL configured): the data
 * directory is the test's own, set with {@link #use}, and both settings are as before once the test is done.
 */
final class DefaultDatabaseFixture implements BeforeEachCallback, AfterEachCallback {
  private static final String DATA_DIR = "alertwire.data.dir";
  private static final String URL = "alertwire.db.url";

  private String dataDirBefore;
  private String urlBefore;
  private boolean used;

  @Override
  public void beforeEach(ExtensionContext context) {
    if (System.getenv("ALERTWIRE_DB_URL") != null) {
      throw new IllegalStateException("ALERTWIRE_DB_URL is set, so the default database is not what this test would open: unset it to run it");
    }
    dataDirBefore = System.getProperty(DATA_DIR);
    urlBefore = System.getProperty(URL);
    System.clearProperty(URL);
    used = false;
  }

  /** The default database is in this directory from now on. */
  Path use(Path dataDir) {
    System.setProperty(DATA_DIR, dataDir.toString());
    used = true;
    return dataDir;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    restore(DATA_DIR, dataDirBefore);
    restore(URL, urlBefore);
    if (!used) {
      throw new IllegalStateException("the test did not choose its data directory (DefaultDatabaseFixture.use): it ran on " + dataDirBefore);
    }
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }
}
