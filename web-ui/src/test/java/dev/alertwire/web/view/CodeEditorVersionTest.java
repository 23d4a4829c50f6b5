package dev.alertwire.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The channel page loads CodeMirror from its WebJar by a path that holds the version; a dependency bump that
 * forgets the page would leave the editor a plain textarea. The browser tests would see it too, later.
 */
class CodeEditorVersionTest {
  private static String first(Pattern pattern, String text, String what) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), what + " not found");
    return m.group(1);
  }

  @Test
  void thePageLoadsTheWebJarVersionThePomShips() throws Exception {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    String page = Files.readString(Path.of("src", "main", "webapp", "WEB-INF", "templates", "code-editor.xhtml"));
    String shipped = first(Pattern.compile("<codemirror\\.version>([^<]+)</codemirror\\.version>"), pom, "codemirror.version");
    String loaded = first(Pattern.compile("name=\"cm\" value=\"codemirror/([^\"]+)\""), page, "the page's CodeMirror path");
    assertEquals(shipped, loaded);
    // The WebJar is on the test class path, as it is in the WAR: every file the page names must be in it.
    Matcher files = Pattern.compile("name=\"#\\{cm\\}/([^\"]+)\"").matcher(page);
    int n = 0;
    while (files.find()) {
      String entry = "META-INF/resources/webjars/codemirror/" + shipped + "/" + files.group(1);
      assertNotNull(getClass().getClassLoader().getResource(entry), entry + " is not in the WebJar");
      n++;
    }
    assertEquals(9, n, "the page's CodeMirror files");
  }
}
