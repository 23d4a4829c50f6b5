package dev.alertwire.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Drives a running Alertwire (started by scripts/bench/delivery.sh) and prints figures; it asserts
 * nothing. Every alert carries its send time (System.nanoTime of this JVM) as the variable T0; the
 * channel template copies it into the body, and the {@link Receiver} in this same JVM subtracts it from the
 * arrival time. Scenarios, each bounded in count and time:
 *
 * <ul>
 *   <li>{@code rate}: open-loop posting at fixed rates for a duration; post-to-received p50/p95/p99.
 *   <li>{@code max}: closed-loop posting (N posters) for a duration; sustained deliveries/s.
 *   <li>{@code fanout}: one alert to N catch-all channels; time until the last request is received.
 *   <li>{@code storm}: receiver down, N deliveries retrying; heap, database size, CPU; then drain time.
 * </ul>
 *
 * Options are {@code key=value} arguments; see {@link #main}.
 */
public final class DeliveryBench {
  private final Api api;
  private final Map<String, String> opt;
  private final Receiver receiver;
  private final long appPid;
  private final Path dataDir;
  private final Path out;
  private final String runId = Long.toString(System.currentTimeMillis() % 100000);
  private final AtomicLong seq = new AtomicLong();

  static final String TEMPLATE =
      "{\"message\": \"{{ALERT_TITLE}}\", \"description\": \"{{ALERT_TYPE}}: {{CHECK_NAME}} <br>{{STARTED_AT}}"
          + " ({{RESPONSE_TIME}}ms) <br>{{RESULT_LINK}}\", \"responders\": [{\"id\": \"4513b7ea-3b91-438f-b7e4-e3e54af9147c\","
          + " \"type\": \"team\"}], \"tags\": [{{#each TAGS}}\"{{this}}\"{{#unless @last}},{{/unless}}{{/each}}],"
          + " \"priority\": \"P1\", \"t0\":\"{{T0}}\"}";

  DeliveryBench(Map<String, String> opt) throws IOException {
    this.opt = opt;
    this.api = new Api(opt.get("app"), opt.get("token"));
    this.receiver = new Receiver(Integer.parseInt(opt.getOrDefault("receiverPort", "9190")), 4 << 20).start();
    this.appPid = Long.parseLong(opt.getOrDefault("appPid", "0"));
    this.dataDir = Path.of(opt.getOrDefault("dataDir", "."));
    this.out = Path.of(opt.getOrDefault("out", "benchmarks/target/delivery"));
    Files.createDirectories(out);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      opt.put(a.substring(0, eq), a.substring(eq + 1));
    }
    DeliveryBench bench = new DeliveryBench(opt);
    try {
      for (String scenario : opt.getOrDefault("scenarios", "rate,max,fanout,storm").split(",")) {
        switch (scenario.trim()) {
          case "rate" -> bench.rates();
          case "max" -> bench.max();
          case "fanout" -> bench.fanout();
          case "storm" -> bench.storm();
          case "" -> { }
          default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
      }
    } finally {
      bench.receiver.close();
    }
    System.exit(0);
  }

  private int intOpt(String key, int dflt) {
    return Integer.parseInt(opt.getOrDefault(key, Integer.toString(dflt)));
  }

  private String channelJson(String name, String url, String extra) {
    return "{\"name\": " + Api.quote(name) + ", \"url\": " + Api.quote(url) + ", \"method\": \"POST\", \"template\": "
        + Api.quote(TEMPLATE) + extra + "}";
  }

  private String receiverUrl() {
    return "http://127.0.0.1:" + receiver.port() + "/hook";
  }

  private String alert(long t0) {
    long n = seq.incrementAndGet();
    return "{\"ALERT_TYPE\": \"ALERT_FAILURE\", \"ALERT_TITLE\": \"Check \\\"Bench " + n + "\\\" has failed\","
        + " \"CHECK_ID\": \"bench-" + runId + "-" + n + "\", \"CHECK_NAME\": \"Bench " + n + "\","
        + " \"STARTED_AT\": \"2026-06-15T12:00:00.000Z\", \"RESPONSE_TIME\": 30012,"
        + " \"RESULT_LINK\": \"https://alertwire.example/checks/bench/results/" + n + "\", \"TAGS\": [\"prod\", \"P1\"],"
        + " \"T0\": \"" + t0 + "\"}";
  }

  // ---------------------------------------------------------------------------------------------- rate

  void rates() throws Exception {
    api.deleteChannels();
    api.createChannel(channelJson("bench", receiverUrl(), ""));
    int seconds = intOpt("duration", 60);
    int warmup = intOpt("warmup", 10);
    if (warmup > 0) {
      System.out.printf("warm-up: %d s at 200 alerts/s (not counted)%n", warmup);
      openLoop(200, warmup, false);
    }
    for (String r : opt.getOrDefault("rates", "50,200,1000").split(",")) {
      int rate = Integer.parseInt(r.trim());
      if (opt.containsKey("jfrAtRate") && Integer.parseInt(opt.get("jfrAtRate")) == rate) {
        jfr("rate-" + rate, Math.min(30, seconds));
      }
      openLoop(rate, seconds, true);
    }
  }

  /** Posts at a fixed rate (open loop: the schedule does not wait for answers), then waits for arrivals. */
  private void openLoop(int rate, int seconds, boolean report) throws Exception {
    drainIdle();
    receiver.reset();
    long total = (long) rate * seconds;
    long period = 1_000_000_000L / rate;
    Semaphore outstanding = new Semaphore(intOpt("maxOutstanding", 2000));
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong blocked = new AtomicLong();
    ConcurrentLinkedQueue<Long> postNanos = new ConcurrentLinkedQueue<>();
    long cpu0 = cpuTicks();
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * period;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(Math.min(wait, 1_000_000));
      }
      if (!outstanding.tryAcquire()) {
        blocked.incrementAndGet();
        if (!outstanding.tryAcquire(30, TimeUnit.SECONDS)) {
          refused.incrementAndGet();
          continue;
        }
      }
      long t0 = System.nanoTime();
      api.postAsync("/api/v1/alerts", alert(t0))
          .whenComplete(
              (r, e) -> {
                postNanos.add(System.nanoTime() - t0);
                if (r != null && r.statusCode() == 202) {
                  accepted.incrementAndGet();
                } else {
                  refused.incrementAndGet();
                  why(r == null ? null : r.statusCode(), e);
                }
                outstanding.release();
              });
    }
    long postedIn = System.nanoTime() - start;
    double cpu = cpuPercentSince(cpu0, start);
    outstanding.acquire(intOpt("maxOutstanding", 2000));
    outstanding.release(intOpt("maxOutstanding", 2000));
    boolean all = awaitArrivals(accepted.get(), 120);
    if (!report) {
      return;
    }
    long[] lat = receiver.latencies();
    long[] post = postNanos.stream().mapToLong(Long::longValue).toArray();
    long[] arrivals = receiver.arrivals();
    System.out.printf(Locale.ROOT,
        "rate %d alerts/s for %d s: posted %d in %.1f s (%.0f/s), accepted %d, refused/failed %d, schedule blocked %d;"
            + " received %d%s, of them repeats %d; app CPU %.0f%% of one core; data directory %.0f MiB; %s%n",
        rate, seconds, total, postedIn / 1e9, total / (postedIn / 1e9), accepted.get(), refused.get(), blocked.get(),
        receiver.count(), all ? "" : " (NOT ALL ARRIVED within 120 s after the last post)", receiver.repeats(), cpu,
        dirSize(dataDir) / 1048576.0, load());
    System.out.printf(Locale.ROOT, "  post -> received (ms): %s%n", percentiles(lat));
    System.out.printf(Locale.ROOT, "  POST /api/v1/alerts answer (ms): %s%n", percentiles(post));
    System.out.printf(Locale.ROOT, "  deliveries/s over the run: %s%n", perSecond(arrivals));
    printWhyFailed();
    Files.write(out.resolve("latency-" + rate + ".txt"), Arrays.stream(lat).mapToObj(Long::toString).toList());
  }

  /** Why posts were refused or failed, the first few of each run: printed with the run, then forgotten. */
  private final java.util.Queue<String> whyFailed = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private void why(Integer status, Throwable failure) {
    if (whyFailed.size() < 5) {
      Throwable cause = (failure instanceof java.util.concurrent.ExecutionException || failure instanceof java.util.concurrent.CompletionException) && failure.getCause() != null ? failure.getCause() : failure;
      whyFailed.add(status != null ? "HTTP " + status : cause == null ? "no answer" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }

  /** Prints why posts failed since the last call, if any did. */
  private void printWhyFailed() {
    if (!whyFailed.isEmpty()) {
      System.out.printf(Locale.ROOT, "  posts refused or failed, the first %d: %s%n", whyFailed.size(), String.join("; ", whyFailed));
      whyFailed.clear();
    }
  }

  private boolean awaitArrivals(long expected, int maxSeconds) throws InterruptedException {
    return awaitArrivals(receiver, expected, maxSeconds);
  }

  /** Waits (bounded) until nothing more arrives, so one scenario's tail does not count in the next. */
  private void drainIdle() throws InterruptedException {
    long end = System.nanoTime() + 60_000_000_000L;
    long last = -1;
    while (System.nanoTime() < end) {
      long c = receiver.count();
      if (c == last) {
        return;
      }
      last = c;
      Thread.sleep(1000);
    }
  }

  // ----------------------------------------------------------------------------------------------- max

  void max() throws Exception {
    for (String c : opt.getOrDefault("maxChannels", "1").split(",")) {
      max(Integer.parseInt(c.trim()));
    }
    ceiling();
  }

  /**
   * Closed loop: N posters each post an alert and wait for the 202 before the next, for a duration, while
   * the app delivers each alert to every one of {@code channels} catch-all channels. Sustained means while
   * posting; the backlog left at the end and the time to clear it are printed too.
   */
  private void max(int channels) throws Exception {
    api.deleteChannels();
    for (int i = 0; i < channels; i++) {
      api.createChannel(channelJson("bench-max-" + i, receiverUrl(), ""));
    }
    int seconds = intOpt("maxDuration", intOpt("duration", 60));
    int posters = intOpt("posters", 16);
    drainIdle();
    receiver.reset();
    if (opt.containsKey("jfrMax")) {
      jfr("max-" + channels, Math.min(30, seconds));
    }
    AtomicLong accepted = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long cpu0 = cpuTicks();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < posters; p++) {
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  try {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> r = api.postAsync("/api/v1/alerts", alert(t0)).get(60, TimeUnit.SECONDS);
                    (r.statusCode() == 202 ? accepted : failed).incrementAndGet();
                    if (r.statusCode() != 202) {
                      why(r.statusCode(), null);
                    }
                  } catch (Exception e) {
                    failed.incrementAndGet();
                    why(null, e);
                  }
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join(120_000);
    }
    long postedNanos = System.nanoTime() - start;
    double cpu = cpuPercentSince(cpu0, start);
    long atPostEnd = receiver.count();
    long expected = accepted.get() * channels;
    boolean all = awaitArrivals(expected, 600);
    double clearSeconds = (receiver.lastArrival() - start - postedNanos) / 1e9;
    System.out.printf(Locale.ROOT,
        "max, %d channel(s), %d posters, %d s: accepted %d alerts (%.0f/s), failed %d; SUSTAINED %.0f deliveries/s while posting"
            + " (%d received); app CPU %.0f%% of one core; backlog at the end %d, cleared %.1f s later (%.0f deliveries/s)%s;"
            + " repeats %d; data directory %.0f MiB; %s%n",
        channels, posters, seconds, accepted.get(), accepted.get() / (postedNanos / 1e9), failed.get(),
        atPostEnd / (postedNanos / 1e9), atPostEnd, cpu, expected - atPostEnd, Math.max(0, clearSeconds),
        (expected - atPostEnd) / Math.max(0.001, clearSeconds), all ? "" : " (NOT ALL ARRIVED within 600 s)",
        receiver.repeats(), dirSize(dataDir) / 1048576.0, load());
    System.out.printf(Locale.ROOT, "  deliveries/s over the run: %s%n", perSecond(receiver.arrivals()));
    System.out.printf(Locale.ROOT, "  post -> received (ms): %s%n", percentiles(receiver.latencies()));
    printWhyFailed();
    lastSustained = Math.max(lastSustained, atPostEnd / (postedNanos / 1e9));
  }

  private double lastSustained;

  /**
   * The receiver's own ceiling, measured in the same run with a plain load client (wrk, or a small Java
   * client when wrk is not installed) posting the same body over keep-alive connections; the app is idle
   * meanwhile. Printed with the ratio of the best sustained rate above to it.
   */
  void ceiling() throws Exception {
    drainIdle();
    int seconds = intOpt("ceilingDuration", 10);
    String body = "{\"message\": \"Check \\\"Bench 1\\\" has failed\", \"description\": \"ALERT_FAILURE: Bench 1 <br>"
        + "2026-06-15T12:00:00.000Z (30012ms) <br>https://alertwire.example/checks/bench/results/1\", \"responders\":"
        + " [{\"id\": \"4513b7ea-3b91-438f-b7e4-e3e54af9147c\", \"type\": \"team\"}], \"tags\": [\"prod\",\"P1\"],"
        + " \"priority\": \"P1\", \"t0\":\"0\"}";
    for (String c : opt.getOrDefault("ceilingConnections", "8,64").split(",")) {
      int connections = Integer.parseInt(c.trim());
      receiver.reset();
      String how = LoadClient.run("127.0.0.1", receiver.port(), "/hook", body, connections, seconds, out);
      double rate = receiver.count() / (double) seconds;
      System.out.printf(Locale.ROOT,
          "receiver ceiling, %d connections, %d s (%s): %.0f requests/s; best app sustained rate above / ceiling = %.3f; %s%n",
          connections, seconds, how, rate, lastSustained / rate, load());
    }
  }

  // -------------------------------------------------------------------------------------------- fanout

  void fanout() throws Exception {
    int n = intOpt("fanout", 1000);
    api.deleteChannels();
    long created = System.nanoTime();
    for (int i = 0; i < n; i++) {
      api.createChannel(channelJson("fan-" + i, receiverUrl(), ""));
    }
    System.out.printf(Locale.ROOT, "fan-out: created %d catch-all channels in %.1f s%n", n, (System.nanoTime() - created) / 1e9);
    for (int round = 1; round <= intOpt("fanoutRounds", 3); round++) {
      drainIdle();
      receiver.reset();
      long t0 = System.nanoTime();
      HttpResponse<Void> r = api.postAsync("/api/v1/alerts", alert(t0)).get(120, TimeUnit.SECONDS);
      long answered = System.nanoTime() - t0;
      boolean all = awaitArrivals(n, 120);
      System.out.printf(Locale.ROOT,
          "fan-out round %d: POST answered %d in %.0f ms; first request received after %.0f ms, last (%d of %d) after %.0f ms%s;"
              + " repeats %d; %s%n",
          round, r.statusCode(), answered / 1e6, (receiver.firstArrival() - t0) / 1e6, receiver.count(), n,
          (receiver.lastArrival() - t0) / 1e6, all ? "" : " (NOT ALL ARRIVED within 120 s)", receiver.repeats(), load());
    }
    long deleted = System.nanoTime();
    api.deleteChannels();
    System.out.printf(Locale.ROOT, "fan-out: deleted the channels in %.1f s; data directory %.1f MiB%n",
        (System.nanoTime() - deleted) / 1e9, dirSize(dataDir) / 1048576.0);
  }

  // --------------------------------------------------------------------------------------------- storm

  void storm() throws Exception {
    int n = intOpt("storm", 10000);
    int delay = intOpt("retryDelayMs", 20000);
    api.deleteChannels();
    drainIdle();
    try (Receiver down = new Receiver(intOpt("stormPort", 9191), 4 << 20)) {
      String url = "http://127.0.0.1:" + intOpt("stormPort", 9191) + "/hook";
      String stormChannel = api.createChannel(channelJson("storm", url, ", \"maxRetries\": 20, \"retryDelayMs\": " + delay + ", \"backoff\": \"FIXED\""));
      String before = heapAfterGc();
      long dbBefore = dirSize(dataDir);
      int posters = intOpt("posters", 16);
      AtomicLong accepted = new AtomicLong();
      long start = System.nanoTime();
      long end = start + 300_000_000_000L;
      AtomicLong next = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < posters; p++) {
        Thread t =
            new Thread(
                () -> {
                  while (next.getAndIncrement() < n && System.nanoTime() < end) {
                    try {
                      HttpResponse<Void> r = api.postAsync("/api/v1/alerts", alert(0)).get(60, TimeUnit.SECONDS);
                      if (r.statusCode() == 202) {
                        accepted.incrementAndGet();
                      }
                    } catch (Exception e) {
                      // counted by accepted
                    }
                  }
                });
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join(310_000);
      }
      System.out.printf(Locale.ROOT, "storm: %d alerts accepted in %.1f s, receiver down (nothing listens on %s)%n",
          accepted.get(), (System.nanoTime() - start) / 1e9, url);
      long waitEnd = System.nanoTime() + 300_000_000_000L;
      long retrying = 0;
      while (System.nanoTime() < waitEnd && (retrying = api.total("status=retrying&size=1&channelId=" + stormChannel)) < accepted.get()) {
        Thread.sleep(2000);
      }
      System.out.printf(Locale.ROOT, "storm: %d deliveries retrying after %.1f s%n", retrying, (System.nanoTime() - start) / 1e9);
      Thread.sleep(5000);
      double cpu = cpuPercent(20);
      String after = heapAfterGc();
      System.out.printf(Locale.ROOT,
          "storm: while waiting (retryDelayMs %d): app CPU %.0f%% of one core over 20 s; heap used after GC.run %s (before the storm %s);"
              + " data directory %.1f MiB (before %.1f MiB); %s%n",
          delay, cpu, after, before, dirSize(dataDir) / 1048576.0, dbBefore / 1048576.0, load());
      down.start();
      long up = System.nanoTime();
      boolean all = awaitArrivals(down, accepted.get(), 600);
      System.out.printf(Locale.ROOT,
          "storm: receiver back; %d of %d received %.1f s later (first after %.1f s)%s; repeats %d%n",
          down.count(), accepted.get(), (down.lastArrival() - up) / 1e9, (down.firstArrival() - up) / 1e9,
          all ? "" : " (NOT ALL within 600 s)", down.repeats());
      long finishEnd = System.nanoTime() + 120_000_000_000L;
      long left = 0;
      while (System.nanoTime() < finishEnd && (left = api.total("status=retrying&size=1&channelId=" + stormChannel)) > 0) {
        Thread.sleep(1000);
      }
      System.out.printf(Locale.ROOT, "storm: retrying left %d, succeeded %d, %.1f s after the receiver came back; data directory %.1f MiB%n",
          left, api.total("status=succeeded&size=1&channelId=" + stormChannel), (System.nanoTime() - up) / 1e9, dirSize(dataDir) / 1048576.0);
    }
  }

  /** Waits (bounded) until this many different deliveries arrived: a repeat does not stand in for a missing one. */
  private static boolean awaitArrivals(Receiver r, long expected, int maxSeconds) throws InterruptedException {
    long end = System.nanoTime() + maxSeconds * 1_000_000_000L;
    while (r.count() - r.repeats() < expected && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    return r.count() - r.repeats() >= expected;
  }

  // ------------------------------------------------------------------------------------------- helpers

  private void jfr(String name, int seconds) {
    if (appPid == 0) {
      return;
    }
    Path file = out.toAbsolutePath().resolve(name + ".jfr");
    String result = jcmd("JFR.start", "name=" + name, "settings=profile", "duration=" + seconds + "s", "filename=" + file);
    System.out.println("  JFR recording of the app for " + seconds + " s: " + file + (result.contains("Started") ? "" : " " + result.trim()));
  }

  private String heapAfterGc() {
    if (appPid == 0) {
      return "n/a";
    }
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    for (String line : info.split("\n")) {
      if (line.contains("total") && line.contains("used")) {
        String[] words = line.trim().split("[\\s,]+");
        for (int i = 0; i < words.length - 1; i++) {
          if (words[i].equals("used")) {
            return words[i + 1];
          }
        }
      }
    }
    return info.trim();
  }

  private String jcmd(String... command) {
    List<String> cmd = new ArrayList<>(List.of("jcmd", Long.toString(appPid)));
    cmd.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes());
      p.waitFor(60, TimeUnit.SECONDS);
      return text;
    } catch (IOException | InterruptedException e) {
      return "jcmd failed: " + e;
    }
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return "load average " + f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "load average n/a";
    }
  }

  /** The app's CPU (user + system) since {@code ticks} read at {@code sinceNanos}, in % of one core. */
  private double cpuPercentSince(long ticks, long sinceNanos) throws IOException {
    if (appPid == 0) {
      return Double.NaN;
    }
    return (cpuTicks() - ticks) / 100.0 / ((System.nanoTime() - sinceNanos) / 1e9) * 100;
  }

  /** CPU time of the app process (user + system, all threads) over a window, in % of one core. */
  private double cpuPercent(int seconds) throws IOException, InterruptedException {
    if (appPid == 0) {
      return Double.NaN;
    }
    long before = cpuTicks();
    long t = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long after = cpuTicks();
    double wall = (System.nanoTime() - t) / 1e9;
    return (after - before) / 100.0 / wall * 100; // USER_HZ is 100 on Linux
  }

  private long cpuTicks() throws IOException {
    if (appPid == 0) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc/" + appPid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
  }

  private static long dirSize(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static String percentiles(long[] nanos) {
    if (nanos.length == 0) {
      return "no samples";
    }
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "n=%d p50 %.1f, p95 %.1f, p99 %.1f, max %.1f", s.length, at(s, 0.50), at(s, 0.95),
        at(s, 0.99), s[s.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** Arrivals per second, bucketed from the first arrival: min / median / max over whole seconds. */
  static String perSecond(long[] arrivals) {
    if (arrivals.length == 0) {
      return "none";
    }
    long first = arrivals[0];
    int buckets = (int) ((arrivals[arrivals.length - 1] - first) / 1_000_000_000L) + 1;
    int[] counts = new int[buckets];
    for (long a : arrivals) {
      counts[(int) ((a - first) / 1_000_000_000L)]++;
    }
    if (buckets <= 2) {
      return Arrays.toString(counts);
    }
    int[] whole = Arrays.copyOf(counts, buckets - 1); // the last second is partial
    int[] sorted = whole.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "min %d, median %d, max %d over %d whole seconds", sorted[0], sorted[sorted.length / 2],
        sorted[sorted.length - 1], whole.length);
  }
}
