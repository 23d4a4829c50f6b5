package dev.alertwire.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @TempDir Path tmp;

  @Test
  void aNewDataDirectoryIsOwnerOnly() throws Exception {
    Path dir = tmp.resolve("parent/data");
    DataDirectory.secure(dir);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
  }

  @Test
  void anExistingOneAndAlertwiresFilesInItAreTightenedOtherFilesAreLeftAlone() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path db = Files.createFile(dir.resolve("alertwire.mv.db"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    Path key = Files.createFile(dir.resolve("master.key"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-r--")));
    Path other = Files.createFile(dir.resolve("notes.txt"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    DataDirectory.secure(dir);
    DataDirectory.tightenFiles(dir, "alertwire.", "master.key");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(other)));
  }

  @Test
  void theH2FilesAreFoundFromTheUrl() {
    String before = System.getProperty("alertwire.db.url");
    try {
      System.setProperty("alertwire.db.url", "jdbc:h2:file:/srv/alertwire/db/main;WRITE_DELAY=0");
      assertEquals(Optional.of(new DatabaseSettings.H2Files(Path.of("/srv/alertwire/db"), "main.")), DatabaseSettings.h2Files());
      System.setProperty("alertwire.db.url", "jdbc:h2:/srv/x/y");
      assertEquals(Path.of("/srv/x"), DatabaseSettings.h2Files().orElseThrow().directory());
      for (String elsewhere : new String[] {"jdbc:h2:mem:test", "jdbc:h2:tcp://localhost/~/x", "jdbc:postgresql://localhost/x"}) {
        System.setProperty("alertwire.db.url", elsewhere);
        assertTrue(DatabaseSettings.h2Files().isEmpty(), elsewhere);
      }
      System.clearProperty("alertwire.db.url");
      DatabaseSettings.H2Files fallback = DatabaseSettings.h2Files().orElseThrow();
      assertEquals(DatabaseSettings.dataDir(), fallback.directory());
      assertEquals("alertwire.", fallback.prefix());
    } finally {
      if (before == null) {
        System.clearProperty("alertwire.db.url");
      } else {
        System.setProperty("alertwire.db.url", before);
      }
    }
  }
}
