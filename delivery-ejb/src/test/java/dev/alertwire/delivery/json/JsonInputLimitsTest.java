package dev.alertwire.delivery.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonInputLimitsTest {
  @Test
  void a100000LevelDocumentIsRefusedBeforeTheParserOverflowsItsStack() {
    String deep = "{\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonInputLimits.checkStructure(deep));
    assertEquals("body", e.errors().get(0).field());
    assertEquals(1, e.errors().get(0).line());
    assertEquals(6 + JsonInputLimits.MAX_DEPTH, e.errors().get(0).column()); // the 64th "[" is level 65
  }

  @Test
  void objectsCountAsMuchAsArrays() {
    String deep = "{\"a\":".repeat(65) + "1" + "}".repeat(65);
    assertThrows(InvalidInputException.class, () -> JsonInputLimits.checkStructure(deep));
    String fine = "{\"a\":".repeat(64) + "1" + "}".repeat(64);
    assertDoesNotThrow(() -> JsonInputLimits.checkStructure(fine));
  }

  @Test
  void bracketsInsideStringsDoNotCount() {
    String text = "{\"t\": \"" + "[{".repeat(10_000) + "\\\" ]]\", \"u\": [\"\\\\\", [1]]}";
    assertDoesNotThrow(() -> JsonInputLimits.checkStructure(text));
    assertEquals(2, Json.createReader(new StringReader(text)).readObject().size());
  }

  @Test
  void theLineOfTheOffendingBracketIsReported() {
    String deep = "{\n\"x\":\n" + "[".repeat(70);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonInputLimits.checkStructure(deep));
    assertEquals(3, e.errors().get(0).line());
    assertEquals(JsonInputLimits.MAX_DEPTH, e.errors().get(0).column()); // level 1 is the "{" on line 1
  }

  @Test
  void halfASurrogatePairIsRefused() {
    for (String text : new String[] {"{\"n\": \"half \\ud83d pair\"}", "{\"n\": \"\\ud83d\"}", "{\"n\": \"\\udea8 low first\"}",
        "{\"n\": \"\\ud83d\\u0041\"}"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonInputLimits.checkStructure(text), text);
      assertTrue(e.errors().get(0).message().contains("surrogate"), e.errors().get(0).message());
      assertEquals(8, e.errors().get(0).column() - (text.startsWith("{\"n\": \"half") ? 5 : 0), text); // the backslash
    }
  }

  @Test
  void wholePairsAndOtherEscapesPass() {
    String text = "{\"n\": \"\\ud83d\\udea8 \\u00fc \\\\ud83d \\\" [\", \"m\": [\"\\uD83D\\uDEA8\"]}";
    assertDoesNotThrow(() -> JsonInputLimits.checkStructure(text));
    assertEquals("🚨 ü \\ud83d \" [", Json.createReader(new StringReader(text)).readObject().getString("n"));
  }

  @Test
  void aBodyIsReadOnlyUpToTheLimit() throws Exception {
    byte[] small = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(small, JsonInputLimits.readAtMost(new ByteArrayInputStream(small), 8).orElseThrow());
    assertTrue(JsonInputLimits.readAtMost(new ByteArrayInputStream(small), 7).isEmpty());
    byte[] tenMiB = new byte[10 * 1024 * 1024];
    assertTrue(JsonInputLimits.readAtMost(new ByteArrayInputStream(tenMiB), 1024 * 1024).isEmpty());
  }

  @Test
  void malformedUtf8IsRefusedWithItsOffset() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonInputLimits.checkUtf8(bad));
    assertTrue(e.errors().get(0).message().contains("byte 6"), e.errors().get(0).message());
    assertThrows(InvalidInputException.class, () -> JsonInputLimits.checkUtf8(new byte[] {'"', (byte) 0xc3, '"'}));
    assertDoesNotThrow(() -> JsonInputLimits.checkUtf8("\"Störung ✓ 🚨\"".getBytes(StandardCharsets.UTF_8)));
  }
}
