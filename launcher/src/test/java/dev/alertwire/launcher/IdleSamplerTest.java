package dev.alertwire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleSamplerTest {
  private static final long MB = 1L << 20;

  /** The periods (0-based) at which the sampler asks for this action, fed the bytes allocated in each period. */
  private static List<Integer> when(IdleSampler.Action action, IdleSampler sampler, long... perPeriod) {
    List<Integer> at = new ArrayList<>();
    long total = 0;
    sampler.sample(total, 100 * MB);
    for (int i = 0; i < perPeriod.length; i++) {
      total += perPeriod[i];
      IdleSampler.Action asked = sampler.sample(total, 100 * MB);
      if (asked == IdleSampler.Action.RELEASE) {
        sampler.released(100 * MB);
      }
      if (asked == action) {
        at.add(i);
      }
    }
    return at;
  }

  private static List<Integer> releases(IdleSampler sampler, long... perPeriod) {
    return when(IdleSampler.Action.RELEASE, sampler, perPeriod);
  }

  @Test
  void whileQuietAfterAReleaseOnlyTrimsEveryThreePeriods() {
    // 20 MB is quiet after a 500 MB start-up (under an eighth of it), 70 MB is not
    long[] periods = {500 * MB, MB, MB, MB, MB, MB, MB, MB, MB, MB, 20 * MB, MB, MB, 70 * MB, MB, MB, MB};
    assertEquals(List.of(3, 16), releases(sampler(), periods));
    assertEquals(List.of(6, 9, 12), when(IdleSampler.Action.TRIM, sampler(), periods));
  }

  private static IdleSampler sampler() {
    return new IdleSampler(4 * MB, 8, 64 * MB, 3);
  }

  @Test
  void releasesOnceAfterThreeQuietPeriodsThatFollowWork() {
    // start-up (500 MB), then quiet: released at the third quiet period, then never again while idle
    assertEquals(List.of(3), releases(sampler(), 500 * MB, MB, MB, MB, MB, MB, MB, MB, MB, MB));
  }

  @Test
  void noReleaseWhileWorkGoesOn() {
    assertEquals(List.of(), releases(sampler(), 100 * MB, 100 * MB, MB, MB, 50 * MB, MB, MB, 80 * MB, 90 * MB));
  }

  @Test
  void eachStretchOfWorkGetsItsOwnRelease() {
    assertEquals(List.of(3, 7), releases(sampler(), 300 * MB, 0, 0, 0, 200 * MB, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void littleWorkIsNotWorthARelease() {
    // 3 MB every period is quiet: never a busy period, so trims only, every third period
    long[] trickle = new long[12];
    java.util.Arrays.fill(trickle, 3 * MB);
    assertEquals(List.of(), releases(sampler(), trickle));
    assertEquals(List.of(2, 5, 8, 11), when(IdleSampler.Action.TRIM, sampler(), trickle));
  }

  @Test
  void afterABacklogTheStoreCompactionCountsAsQuiet() {
    // measured: a drain allocates about 3 GB in 10 s, the H2 compaction after it 200-300 MB in 10 s
    long[] periods = {3000 * MB, 2800 * MB, 250 * MB, 290 * MB, 210 * MB, 280 * MB, 240 * MB, 230 * MB};
    assertEquals(List.of(4), releases(sampler(), periods));
    // the compaction goes on: trims of the native heap every third period, no more collections
    assertEquals(List.of(7), when(IdleSampler.Action.TRIM, sampler(), periods));
  }

  @Test
  void aHeapThatGrowsAgainWhileQuietIsReleasedAgain() {
    IdleSampler sampler = sampler();
    long total = 0;
    sampler.sample(total, 64 * MB);
    total += 3000 * MB;
    sampler.sample(total, 500 * MB); // the backlog
    List<IdleSampler.Action> asked = new ArrayList<>();
    long[] heap = {500, 500, 500, 180, 200, 230, 250, 260, 280, 280, 280, 280};
    for (int i = 0; i < heap.length; i++) {
      total += 250 * MB; // the compaction: quiet next to the backlog
      IdleSampler.Action a = sampler.sample(total, heap[i] * MB);
      if (a == IdleSampler.Action.RELEASE) {
        sampler.released(i == 2 ? 170 * MB : 275 * MB);
      }
      asked.add(a);
    }
    // released at the third quiet period (heap 500 -> 170 MiB), trimmed at the sixth (230: not 64 MiB more),
    // released at the ninth (280: 110 MiB more), trimmed at the twelfth (280: not 64 MiB over 275)
    assertEquals(
        List.of(IdleSampler.Action.NONE, IdleSampler.Action.NONE, IdleSampler.Action.RELEASE,
            IdleSampler.Action.NONE, IdleSampler.Action.NONE, IdleSampler.Action.TRIM,
            IdleSampler.Action.NONE, IdleSampler.Action.NONE, IdleSampler.Action.RELEASE,
            IdleSampler.Action.NONE, IdleSampler.Action.NONE, IdleSampler.Action.TRIM),
        asked);
  }

  @Test
  void steadyTrafficIsNotQuietEvenAfterABurst() {
    // 200 alerts/s (1,800 MB in 10 s), then 50 alerts/s (650 MB): more than an eighth of the burst
    assertEquals(List.of(), releases(sampler(), 1800 * MB, 1800 * MB, 650 * MB, 650 * MB, 650 * MB, 650 * MB, 650 * MB));
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> new IdleSampler(0, 8, MB, 3));
    assertThrows(IllegalArgumentException.class, () -> new IdleSampler(4 * MB, 1, 64 * MB, 3));
    assertThrows(IllegalArgumentException.class, () -> new IdleSampler(4 * MB, 8, 4 * MB, 3));
    assertThrows(IllegalArgumentException.class, () -> new IdleSampler(4 * MB, 8, 64 * MB, 0));
  }
}
