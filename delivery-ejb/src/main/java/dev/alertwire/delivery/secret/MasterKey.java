package dev.alertwire.delivery.secret;

import dev.alertwire.delivery.config.AlertwireConfig;
import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.persistence.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The key that encrypts secrets at rest: ALERTWIRE_MASTER_KEY (base64 of 32 bytes) or, when unset, a key file
 * generated on first start in the data directory, readable by its owner only.
 */
@ApplicationScoped
public class MasterKey {
  private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
  static final String KEY_FILE = "master.key";

  @Inject AlertwireConfig config;

  @Produces
  @Singleton
  SecretCipher cipher() {
    return new SecretCipher(config.masterKey().map(MasterKey::decode).orElseGet(this::fromKeyFile));
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("ALERTWIRE_MASTER_KEY must be the base64 encoding of 32 random bytes");
    }
  }

  private byte[] fromKeyFile() {
    Path file = config.dataDir().resolve(KEY_FILE);
    try {
      DataDirectory.secure(config.dataDir());
      if (!Files.exists(file)) {
        writeNewKey(file);
      } else {
        DataDirectory.tightenFiles(config.dataDir(), KEY_FILE);
      }
      return decode(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key file " + file, e);
    }
  }

  private static void writeNewKey(Path file) throws IOException {
    String encoded = Base64.getEncoder().encodeToString(SecretCipher.newKey());
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, encoded, StandardOpenOption.TRUNCATE_EXISTING);
      LOG.info(() -> "Generated a new master key in " + file + "; back it up with the database");
    } catch (FileAlreadyExistsException raced) {
      // another start created it first: use that one
    }
  }
}
