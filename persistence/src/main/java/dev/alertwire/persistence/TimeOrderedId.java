package dev.alertwire.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids for the rows the delivery path writes many of a second (events, deliveries, attempts): UUID version 7
 * (RFC 9562), the creation time's milliseconds in the first 48 bits and 74 random bits after them, written as
 * the usual 36 characters. Their text sorts by time, so a new row's entry lands at the end of its table's
 * key index and of every index that starts with such an id (a delivery's event, an attempt's delivery), not
 * on a random page of it.
 *
 * <p>Why: H2 writes each page a commit changed whole into the file's next chunk. With random (version 4) ids
 * every delivery changed a different page of those indexes, so a commit of a few hundred deliveries rewrote
 * a few hundred 4 KiB pages per index, most of them holding one new entry; the store's commits and the size
 * of its file grew with that (docs/benchmarks.md, section 12). PostgreSQL's B-trees are kept in the same
 * order; the gain there is not measured yet.
 *
 * <p>The random part comes from {@link SecureRandom}, as {@link UUID#randomUUID()}'s does: an id says when its
 * row was written, which the row says anyway, and nothing more. Ids are not capabilities here; every read
 * checks the caller's role.
 */
public final class TimeOrderedId {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TimeOrderedId() {}

  /** A new id for a row written at {@code at}. */
  public static String at(Instant at) {
    return of(at.toEpochMilli(), RANDOM).toString();
  }

  static UUID of(long epochMillis, SecureRandom random) {
    byte[] r = new byte[10];
    random.nextBytes(r);
    long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (r[0] & 0x0FL) << 8 | (r[1] & 0xFFL);
    long low = 0;
    for (int i = 2; i < 10; i++) {
      low = low << 8 | (r[i] & 0xFFL);
    }
    low = low & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
