package dev.alertwire.web.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupBoxTest {
  @Test
  void linesBetweenTwoRulesAtLeastAsWideAsTheLongestLine() {
    String box = StartupBox.render(List.of("Alertwire is ready: open http://localhost:8080/", "", "x".repeat(100)));
    String[] lines = box.split("\n", -1);
    assertEquals("", lines[0], "starts on a line of its own, after the logger's prefix");
    assertEquals(lines[1], lines[lines.length - 1]);
    assertTrue(lines[1].matches("={104}"), lines[1]);
    assertEquals("  Alertwire is ready: open http://localhost:8080/", lines[2]);
    assertEquals("", lines[3], "an empty line stays empty");
    assertEquals(6, lines.length);
  }

  @Test
  void aShortMessageStillGetsAWideRule() {
    assertTrue(StartupBox.render(List.of("ready")).contains("=".repeat(72) + "\n  ready\n" + "=".repeat(72)));
  }
}
