package dev.alertwire.persistence.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NewestFirstPageTest {
  @Test
  void pagesUpToTheMiddleAreReadFromTheNewestEndAndTheRestFromTheOldest() {
    assertEquals(new NewestFirstPage(false, 0, 50), NewestFirstPage.of(0, 50, 1_000_000));
    assertEquals(new NewestFirstPage(false, 499_950, 50), NewestFirstPage.of(499_950, 50, 1_000_000), "as many after as before");
    assertEquals(new NewestFirstPage(true, 499_900, 50), NewestFirstPage.of(500_050, 50, 1_000_000));
    assertEquals(new NewestFirstPage(true, 0, 50), NewestFirstPage.of(999_950, 50, 1_000_000), "the last page skips nothing");
    assertEquals(new NewestFirstPage(true, 0, 10), NewestFirstPage.of(999_990, 50, 1_000_000), "a short last page reads what is left");
  }

  @Test
  void everyPageHoldsTheRowsOfTheNewestFirstOrderWhicheverEndItIsReadFrom() {
    // 0 is the newest; the "database" below answers either order from one list, as an index read either way does.
    for (int matching : List.of(1, 2, 7, 10, 23)) {
      List<Integer> newestFirst = IntStream.range(0, matching).boxed().toList();
      List<Integer> oldestFirst = new ArrayList<>(newestFirst);
      java.util.Collections.reverse(oldestFirst);
      for (int limit : List.of(1, 3, 5, 50)) {
        List<Integer> paged = new ArrayList<>();
        for (int offset = 0; offset < matching; offset += limit) {
          NewestFirstPage window = NewestFirstPage.of(offset, limit, matching);
          List<Integer> order = window.fromOldest() ? oldestFirst : newestFirst;
          List<Integer> read = order.subList(window.first(), Math.min(order.size(), window.first() + window.max()));
          List<Integer> page = window.newestFirst(read);
          assertEquals(newestFirst.subList(offset, Math.min(matching, offset + limit)), page, matching + " rows, " + limit + " a page, from " + offset);
          paged.addAll(page);
        }
        assertEquals(newestFirst, paged);
      }
    }
  }

  @Test
  void theOrderReversesTheFixedColumnWithTheTimeSoOneIndexServesBoth() {
    assertEquals("d.createdAt DESC, d.id DESC", NewestFirstPage.of(0, 50, 100).order(null));
    assertEquals("d.channelId, d.createdAt DESC, d.id DESC", NewestFirstPage.of(0, 50, 100).order("d.channelId"));
    assertEquals("d.createdAt ASC, d.id ASC", NewestFirstPage.of(90, 50, 100).order(null));
    assertEquals("d.channelId DESC, d.createdAt ASC, d.id ASC", NewestFirstPage.of(90, 50, 100).order("d.channelId"));
  }
}
