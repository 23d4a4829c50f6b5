package dev.alertwire.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;

/**
 * Gives memory back to the operating system once the process has gone quiet after work (start-up, a burst of
 * alerts, a drained backlog). Two things hold memory the process no longer uses:
 *
 * <ul>
 *   <li>the heap: the serial collector (the README's choice) makes the heap smaller only in a full collection,
 *       and only a little each time, while an idle app never fills its old generation, so the pages a burst
 *       touched stay resident for good. The release sets the manageable flags MinHeapFreeRatio and
 *       MaxHeapFreeRatio low for the moment, collects four times in a row (the collector gives back
 *       a growing share of the excess in each),
 *       and puts the flags back as they were, so the heap's sizing under load is the JVM's as before;</li>
 *   <li>the native heap: glibc keeps freed blocks (class parsing, the JIT, temporary direct buffers) in its
 *       arenas. The release runs the JVM's own diagnostic command {@code System.trim_native_heap}.</li>
 * </ul>
 *
 * A flag the user set on the command line is left alone. Every figure is in docs/operations.md. Decision: done
 * here, in the launcher, because it is the process's memory and not the application's; the same JVM options
 * cannot do it (Java 17's serial collector has no periodic collection, and G1's, which has, costs more
 * native memory and CPU on two cores than it gives back).
 */
final class IdleMemoryRelease {
  private static final Logger LOG = Logger.getLogger(IdleMemoryRelease.class.getName());
  static final long PERIOD_SECONDS = 10;
  /** Under 4 MiB in 10 s is quiet: an idle instance allocates about 50 KB a second (its timers). */
  static final long QUIET_BYTES = 4L << 20;
  /** Or under an eighth of the busiest 10 s since the last release (a drained backlog: 3 GB in 10 s). */
  static final int QUIET_FRACTION = 8;
  /** 64 MiB of allocation since the last release is work worth a release; so is 64 MiB more committed heap. */
  static final long WORK_BYTES = 64L << 20;
  /** Three quiet periods in a row: 30 s (and a trim of the native heap every 30 s while it stays quiet). */
  static final int QUIET_PERIODS = 3;
  private static final int COLLECTIONS = 4;

  private final IdleSampler sampler = new IdleSampler(QUIET_BYTES, QUIET_FRACTION, WORK_BYTES, QUIET_PERIODS);
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
  /**
   * Whether the heap ratios are the JVM's defaults, read once: after a release has set them back, their origin
   * is no longer DEFAULT, and reading it again each time made every release after the first one run at the
   * JVM's own ratios (found in the log of the benchmark: the second release shrank nothing).
   */
  private final boolean defaultRatios =
      hotspot.getVMOption("MinHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT
          && hotspot.getVMOption("MaxHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT;

  /** Starts the sampling on a daemon thread; false when this JVM cannot count allocated bytes. */
  static boolean start() {
    IdleMemoryRelease release = new IdleMemoryRelease();
    if (!release.threads.isThreadAllocatedMemorySupported() || !release.threads.isThreadAllocatedMemoryEnabled()) {
      return false;
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "alertwire-idle-memory-release");
              thread.setDaemon(true);
              thread.setPriority(Thread.MIN_PRIORITY);
              return thread;
            });
    timer.scheduleWithFixedDelay(release::tick, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    return true;
  }

  private void tick() {
    try {
      switch (sampler.sample(threads.getTotalThreadAllocatedBytes(), memory.getHeapMemoryUsage().getCommitted())) {
        case RELEASE -> {
          release();
          sampler.released(memory.getHeapMemoryUsage().getCommitted());
        }
        case TRIM -> LOG.fine(trimNativeHeap());
        case NONE -> { }
      }
    } catch (RuntimeException | Error failed) {
      LOG.log(Level.WARNING, "Releasing idle memory failed; the process keeps running", failed);
    }
  }

  /** Collects, shrinks the heap and trims the native heap; returns what it did, as logged. */
  String release() {
    long before = memory.getHeapMemoryUsage().getCommitted();
    collectAndShrink();
    long after = memory.getHeapMemoryUsage().getCommitted();
    String done =
        "heap committed " + (before >> 20) + " -> " + (after >> 20) + " MiB; " + trimNativeHeap();
    LOG.info("Quiet for " + PERIOD_SECONDS * QUIET_PERIODS + " s after work: memory given back (" + done + ")");
    return done;
  }

  private void collectAndShrink() {
    VMOption min = hotspot.getVMOption("MinHeapFreeRatio");
    VMOption max = hotspot.getVMOption("MaxHeapFreeRatio");
    boolean ours = defaultRatios;
    try {
      if (ours) {
        // Min first: the JVM refuses a MaxHeapFreeRatio under the current MinHeapFreeRatio.
        hotspot.setVMOption("MinHeapFreeRatio", "5");
        hotspot.setVMOption("MaxHeapFreeRatio", "10");
      }
      // The serial collector damps each shrink: 0 % of the excess in the first full collection, then 10 %,
      // 40 % and 100 % in the ones that follow. Four in a row give the whole excess back.
      for (int i = 0; i < COLLECTIONS; i++) {
        System.gc();
      }
    } finally {
      if (ours) {
        hotspot.setVMOption("MaxHeapFreeRatio", max.getValue());
        hotspot.setVMOption("MinHeapFreeRatio", min.getValue());
      }
    }
  }

  /** The JVM's answer, e.g. "Trim native heap: RSS+Swap: 477M->402M (-76988K)", or why there was none. */
  private static String trimNativeHeap() {
    try {
      Object answer =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "systemTrimNativeHeap",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
      return String.valueOf(answer).strip();
    } catch (Exception notHere) {
      return "native heap not trimmed: " + notHere.getClass().getSimpleName();
    }
  }
}
