package dev.alertwire.domain;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared (conformance data) from the build's system property or the module directory. */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
    String configured = System.getProperty("shared.dir");
    Path path = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    if (!Files.isDirectory(path)) {
      path = Path.of("..", "..", "shared");
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("conformance data not found; expected ../shared beside the project, tried " + path.toAbsolutePath());
    }
    return path;
  }
}
