package dev.alertwire.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdTest {

  @Test
  void isAVersion7UuidWithTheTimeInFront() {
    Instant at = Instant.parse("2026-12-01T12:34:56.789Z");
    String id = TimeOrderedId.at(at);
    UUID uuid = UUID.fromString(id);
    assertEquals(36, id.length());
    assertEquals(id, uuid.toString());
    assertEquals(7, uuid.version());
    assertEquals(2, uuid.variant());
    assertEquals(at.toEpochMilli(), uuid.getMostSignificantBits() >>> 16);
  }

  @Test
  void theTextSortsByTimeWhateverTheRandomBits() {
    // Ids of later milliseconds sort after earlier ones as text, which is what the indexes compare, over the
    // whole range the random bits can take: all zeros and all ones on either side.
    SecureRandom zeros = fixed((byte) 0);
    SecureRandom ones = fixed((byte) 0xFF);
    long[] times = {0L, 1L, 255L, 256L, 1_700_000_000_000L, 1_700_000_000_001L, 1_799_999_999_999L, 0xFFFF_FFFF_FFFFL};
    List<String> ids = new ArrayList<>();
    for (long t : times) {
      ids.add(TimeOrderedId.of(t, zeros).toString());
      ids.add(TimeOrderedId.of(t, ones).toString());
    }
    for (int i = 1; i < ids.size(); i++) {
      assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " before " + ids.get(i));
    }
  }

  @Test
  void idsOfTheSameMillisecondDiffer() {
    Instant at = Instant.now();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertTrue(seen.add(TimeOrderedId.at(at)));
    }
  }

  private static SecureRandom fixed(byte value) {
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        java.util.Arrays.fill(bytes, value);
      }
    };
  }
}
