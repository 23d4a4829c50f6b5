package dev.alertwire.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The data directory holds the H2 database and the master key: only its owner may enter it. Created rwx------;
 * an existing one owned by this process's user is tightened to rwx------, and Alertwire's own files in it
 * (the database's, the master key) to rw-------. Other files, and anything owned by another user, are left
 * alone. On file systems without POSIX permissions nothing is changed.
 */
public final class DataDirectory {
  private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());
  static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
  static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private DataDirectory() {}

  /** Creates {@code dir} (and missing parents) owner-only, or tightens it when this user owns it. */
  public static void secure(Path dir) {
    try {
      if (!posix(dir)) {
        Files.createDirectories(dir);
        return;
      }
      if (!Files.exists(dir)) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try {
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // created meanwhile: tightened below like any existing directory
        }
      }
      // The umask may have taken bits off at creation, never added: set them exactly either way.
      if (ownedByUs(dir)) {
        tighten(dir, DIRECTORY);
      } else {
        LOG.warning(() -> "The data directory " + dir + " belongs to another user; its permissions are left as they are");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or secure the data directory " + dir, e);
    }
  }

  /** Sets the files directly in {@code dir} whose names start with one of {@code prefixes} and that this user owns to rw-------. */
  public static void tightenFiles(Path dir, String... prefixes) {
    if (!posix(dir) || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (Stream.of(prefixes).anyMatch(name::startsWith)
            && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && ownedByUs(file)) {
          tighten(file, FILE);
        }
      }
    } catch (IOException e) {
      LOG.warning(() -> "Could not tighten the permissions of the files in " + dir + ": " + e);
    }
  }

  private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
    if (!Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
      Files.setPosixFilePermissions(path, wanted);
      LOG.info(() -> "Set " + path + " to " + PosixFilePermissions.toString(wanted));
    }
  }

  private static boolean posix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static boolean ownedByUs(Path path) throws IOException {
    UserPrincipal owner = Files.getOwner(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    try {
      UserPrincipal us =
          path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
      return owner.equals(us);
    } catch (IOException | UnsupportedOperationException unknownUser) {
      return false;
    }
  }
}
