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
    sampler.sample(total);
    for (int i = 0; i < perPeriod.length; i++) {
      total += perPeriod[i];
      if (sampler.sample(total) == action) {
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
    long[] periods = {500 * MB, MB, MB, MB, MB, MB, MB, MB, MB, MB, 20 * MB, MB, MB, MB};
    assertEquals(List.of(3), releases(sampler(), periods));
    assertEquals(List.of(6, 9, 13), when(IdleSampler.Action.TRIM, sampler(), periods));
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
    // 3 MB every period is quiet, and 64 MB of it takes 22 periods: one release, at the next 30 s mark
    long[] trickle = new long[30];
    java.util.Arrays.fill(trickle, 3 * MB);
    assertEquals(List.of(23), releases(sampler(), trickle));
  }

  @Test
  void afterABacklogTheStoreCompactionCountsAsQuiet() {
    // measured: a drain allocates about 3 GB in 10 s, the H2 compaction after it 200-300 MB in 10 s
    long[] periods = {3000 * MB, 2800 * MB, 250 * MB, 290 * MB, 210 * MB, 280 * MB, 240 * MB, 230 * MB};
    assertEquals(List.of(4), releases(sampler(), periods));
    // after the release the compaction is the busiest there is, so it is not quiet any more: trims only come
    // with a real quiet
    assertEquals(List.of(), when(IdleSampler.Action.TRIM, sampler(), periods));
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
