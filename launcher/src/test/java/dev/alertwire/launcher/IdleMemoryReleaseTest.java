package dev.alertwire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The release on a real JVM with the README's collector: a child JVM grows its heap, drops what it held and
 * releases. The heap's committed size must fall, and the heap flags must be as before.
 */
class IdleMemoryReleaseTest {

  /** What the child keeps for good: 100 MiB, as an app keeps its caches and sessions. */
  static final List<byte[]> KEPT = new ArrayList<>();

  /** Holds {@code mib} MiB until the caller drops the list; returns how many arrays it holds. */
  private static int hold(int mib) {
    List<byte[]> held = new ArrayList<>();
    for (int i = 0; i < mib; i++) {
      held.add(new byte[1 << 20]);
    }
    return held.size();
  }

  private static long committed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
  }

  /**
   * The child: keeps 100 MiB, holds 300 MiB more for a while, lets those go, releases, prints what it saw.
   * With an argument, it does that round twice and reports the second release.
   */
  public static void main(String[] args) {
    for (int i = 0; i < 100; i++) {
      KEPT.add(new byte[1 << 20]);
    }
    System.out.println("held " + hold(300));
    long grown = committed();
    IdleMemoryRelease release = new IdleMemoryRelease();
    if (args.length > 0) {
      release.release();
      System.out.println("held again " + hold(300));
      grown = committed();
    }
    String done = release.release();
    long after = committed();
    var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
    System.out.println(
        "grown=" + grown + " after=" + after + " min=" + hotspot.getVMOption("MinHeapFreeRatio").getValue()
            + " max=" + hotspot.getVMOption("MaxHeapFreeRatio").getValue() + " done=" + done);
  }

  private static Map<String, String> child(String... jvmOptions) throws IOException, InterruptedException {
    return child(List.of(jvmOptions), List.of());
  }

  private static Map<String, String> child(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), IdleMemoryReleaseTest.class.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    Matcher m = Pattern.compile("grown=(\\d+) after=(\\d+) min=(\\d+) max=(\\d+) done=(.*)").matcher(out);
    assertTrue(m.find(), out);
    return Map.of("grown", m.group(1), "after", m.group(2), "min", m.group(3), "max", m.group(4), "done", m.group(5), "out", out);
  }

  @Test
  void theSerialHeapShrinksAndTheFlagsStayAsTheyWere() throws Exception {
    Map<String, String> seen = child("-XX:+UseSerialGC", "-Xms16m", "-Xmx512m");
    long grown = Long.parseLong(seen.get("grown"));
    long after = Long.parseLong(seen.get("after"));
    assertTrue(grown > 400L << 20, seen.get("out"));
    // 100 MiB live: at most 10 % free in the old generation, and the young one sized from it. At the JVM's own
    // ratios (up to 70 % free) the same four collections leave about 500 MiB, so this fails if the flags
    // are not lowered.
    assertTrue(after < grown / 2, "committed " + grown + " -> " + after + "\n" + seen.get("out"));
    assertEquals("40", seen.get("min"));
    assertEquals("70", seen.get("max"));
    assertTrue(seen.get("done").contains("Trim native heap") || seen.get("done").contains("not trimmed"), seen.get("out"));
  }

  @Test
  void theSecondReleaseShrinksTheHeapToo() throws Exception {
    Map<String, String> seen = child(List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx512m"), List.of("twice"));
    long grown = Long.parseLong(seen.get("grown"));
    long after = Long.parseLong(seen.get("after"));
    assertTrue(seen.get("out").contains("held again"), seen.get("out"));
    assertTrue(after < grown / 2, "second release: committed " + grown + " -> " + after + "\n" + seen.get("out"));
    assertEquals("40", seen.get("min"));
    assertEquals("70", seen.get("max"));
  }

  @Test
  void ratiosGivenOnTheCommandLineAreLeftAlone() throws Exception {
    Map<String, String> seen = child("-XX:+UseSerialGC", "-Xms16m", "-Xmx512m", "-XX:MinHeapFreeRatio=30", "-XX:MaxHeapFreeRatio=95");
    assertEquals("30", seen.get("min"));
    assertEquals("95", seen.get("max"));
    // 95 % free allowed: the heap stays about as large as it grew
    assertTrue(Long.parseLong(seen.get("after")) > Long.parseLong(seen.get("grown")) / 2, seen.get("out"));
  }
}
