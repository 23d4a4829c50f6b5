package dev.alertwire.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test of the app's default database ({@link DatabaseSettings#url()} with no URL configured): the data
 * directory is the test's own, set with {@link #use}, and both settings are as before once the test is done.
 */
final class DefaultDatabaseIn implements BeforeEachCallback, AfterEachCallback {
  private static final String DATA_DIR = "alertwire.data.dir";
  private static final String URL = "alertwire.db.url";

  private String dataDirBefore;
  private String urlBefore;

  @Override
  public void beforeEach(ExtensionContext context) {
    dataDirBefore = System.getProperty(DATA_DIR);
    urlBefore = System.getProperty(URL);
    System.clearProperty(URL);
  }

  /** The default database is in this directory from now on. */
  Path use(Path dataDir) {
    System.setProperty(DATA_DIR, dataDir.toString());
    return dataDir;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    restore(DATA_DIR, dataDirBefore);
    restore(URL, urlBefore);
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }
}
