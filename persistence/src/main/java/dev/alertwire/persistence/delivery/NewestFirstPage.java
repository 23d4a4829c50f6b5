package dev.alertwire.persistence.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a page of the newest-first history is read from. A page nearer the oldest delivery than the newest is
 * read as a page of the oldest-first order and turned round: the database reads the same index from its
 * other end (H2 2.4.240 does, without a sort, checked in {@code HistoryIndexesTest}; PostgreSQL reads a b-tree
 * either way) and skips the rows after the page instead of the many more before it. The last page of 1,000,000 deliveries skipped 999,950
 * index entries (docs/benchmarks.md, section 19).
 *
 * <p>The count the page is cut from is taken just before, in the same transaction; deliveries accepted in
 * between are newer than every row, so they shift a page read from the newest end by their number, as they
 * always did, and a page read from the oldest end not at all.
 *
 * @param fromOldest the page is read in the oldest-first order and reversed
 * @param first rows skipped in the order read
 * @param max rows read
 */
record NewestFirstPage(boolean fromOldest, int first, int max) {
  /** @param matching how many deliveries the filter matches; {@code offset} is below it */
  static NewestFirstPage of(int offset, int limit, long matching) {
    long afterPage = matching - offset - limit;
    if (afterPage >= offset) {
      return new NewestFirstPage(false, offset, limit);
    }
    return new NewestFirstPage(true, (int) Math.max(0, afterPage), (int) Math.min(limit, matching - offset));
  }

  /**
   * The ORDER BY for the JPQL alias {@code d}, led by the column a filter fixes to one value (or null): that
   * column's (column, created_at DESC, id DESC) index serves both directions, read in order.
   */
  String order(String fixedColumn) {
    String lead = fixedColumn == null ? "" : fixedColumn + (fromOldest ? " DESC, " : ", ");
    return lead + (fromOldest ? "d.createdAt ASC, d.id ASC" : "d.createdAt DESC, d.id DESC");
  }

  /** Runs the query, built with {@link #order}, for this page: its rows, newest first. */
  <T> List<T> read(jakarta.persistence.TypedQuery<T> query) {
    return newestFirst(query.setFirstResult(first).setMaxResults(max).getResultList());
  }

  /** The rows read, newest first. */
  <T> List<T> newestFirst(List<T> read) {
    if (!fromOldest) {
      return read;
    }
    List<T> rows = new ArrayList<>(read);
    Collections.reverse(rows);
    return rows;
  }
}
