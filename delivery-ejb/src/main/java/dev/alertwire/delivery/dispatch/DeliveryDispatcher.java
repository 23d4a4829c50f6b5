package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.config.AlertwireConfig;
import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.delivery.metrics.DeliveryMetrics;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.delivery.DeliveryWrites;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import dev.alertwire.delivery.secret.MasterKeyCheck;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims due deliveries and sends them, within a bound overall and per channel. It keeps no work of its
 * own: everything it needs is read from the rows, so a restart or a second instance loses nothing.
 *
 * <p>One thread claims; the claimed deliveries are prepared (read and rendered) on a few threads of their
 * own, {@link AlertwireConfig#prepareThreads()}. Preparing is a handful of reads, and on PostgreSQL each is a
 * round trip to the server: one thread preparing every delivery after the other capped the whole
 * instance at about 100 deliveries a second there (docs/benchmarks.md, section 10). A delivery's slot on
 * its channel is taken when it is picked, before it is prepared, so the per-channel bound holds while
 * several are being prepared at once.
 */
@ApplicationScoped
public class DeliveryDispatcher {
  private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());

  @Inject DeliveryClaims claims;
  @Inject DeliveryPreparation preparation;
  @Inject AttemptRecorder recorder;
  @Inject AttemptWriter attempts;
  @Inject Commits commits;
  @Inject HttpSender sender;
  @Inject DeliveryScheduler scheduler;
  @Inject AlertwireConfig config;
  @Inject Clock clock;
  @Inject MasterKeyCheck keyCheck;
  @Inject DeliveryMetrics metrics;
  @Resource ManagedThreadFactory threads;

  /**
   * Answers waiting to be recorded, per permit. An attempt's record waits for the group commit, about 90 ms
   * while 16 posters post; holding the permit and the channel's slot through that wait capped delivery at 64
   * permits per 100 ms (docs/benchmarks.md, section 16). Each waiting answer holds its request and its
   * response (bodies capped) in memory, hence a bound.
   */
  static final int UNRECORDED_PER_PERMIT = 4;
  /** Bounds the list of channels a look past leaves out (one query parameter each). */
  static final int MAX_SKIPPED = 500;
  /** How far a look past the skipped channels' rows goes: their rows are checked one by one. */
  static final int LOOK_PAST_ROWS = 5_000;
  /** A look past that found nothing is not made again before this; one that found something, at the next need. */
  static final Duration LOOK_PAST_EVERY = Duration.ofMillis(250);

  private final String instanceId = UUID.randomUUID().toString();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean requested = new AtomicBoolean();
  /** Per channel: deliveries picked and not yet finished (being prepared, or sent). Bounds the channel. */
  private final ConcurrentMap<String, AtomicInteger> inFlightPerChannel = new ConcurrentHashMap<>();
  /** Per channel: requests sent and not yet answered, and how many were ever sent, for the rate window. */
  private final ConcurrentMap<String, ChannelSends> sendsPerChannel = new ConcurrentHashMap<>();
  /** Channels this instance found over their rate limit, and when their window frees. */
  private final ConcurrentMap<String, Instant> rateLimitedUntil = new ConcurrentHashMap<>();
  /** Set by the single thread that runs passes ({@link #running}). */
  private Instant lookPastAfter = Instant.MIN;
  private Semaphore permits;
  /**
   * Deliveries picked whose attempt is not yet recorded: bounds the answers waiting for the writer. A
   * delivery's permit and its channel's slot bound the requests out at once and are given back when the answer
   * comes; this one is given back when the answer is committed.
   */
  private Semaphore unrecorded;
  private ExecutorService preparers;
  /** Runs the passes asked for by {@link #passSoon}, one at a time. */
  private ThreadPoolExecutor soon;
  private final AtomicBoolean passQueued = new AtomicBoolean();

  @PostConstruct
  void init() {
    permits = new Semaphore(config.maxConcurrency());
    unrecorded = new Semaphore(UNRECORDED_PER_PERMIT * config.maxConcurrency());
    int n = config.prepareThreads();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    pool.allowCoreThreadTimeOut(true); // idle, they go: nothing to prepare costs no threads
    preparers = pool;
    soon = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    soon.allowCoreThreadTimeOut(true);
  }

  /** A pass on a thread of its own, soon; asks that arrive while one is queued and not started share it. */
  private void passSoon() {
    if (passQueued.compareAndSet(false, true)) {
      try {
        soon.execute(
            () -> {
              passQueued.set(false); // before the pass reads the rows, so a later ask queues a new one
              dispatchDue();
            });
      } catch (RuntimeException e) { // shutting down: the completion's own pass below, and the timers, remain
        passQueued.set(false);
      }
    }
  }

  @PreDestroy
  void close() {
    preparers.shutdown();
    soon.shutdown(); // a pass in the middle of a claim finishes it; one queued runs against the rows, as any pass
  }

  public String instanceId() {
    return instanceId;
  }

  /**
   * Sends whatever is due. Calls that arrive while a pass runs make it go round once more, and only the
   * thread that ran the passes sets the next wake-up: reading it costs a scan of the unfinished deliveries,
   * which every completion and every accepted alert used to pay.
   */
  public void dispatchDue() {
    if (!keyCheck.matches()) {
      return; // MasterKeyCheck said why at start; the instances with the right key send these
    }
    requested.set(true);
    boolean ran = false;
    while (requested.get() && running.compareAndSet(false, true)) {
      ran = true;
      try {
        requested.set(false);
        while (claimAndSendBatch()) {
          // keep going while whole batches were claimed
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Dispatch pass failed; the next wake-up retries it", e);
      } finally {
        running.set(false);
      }
    }
    if (ran) {
      scheduleNextWakeUp();
    }
  }

  /**
   * Reads the oldest due deliveries, takes as many as there are permits and room on their channels, claims
   * them in one transaction and starts them. Deliveries of a channel at its concurrency limit are skipped
   * here, not claimed and given back; a few more rows than permits are read so that other channels' can
   * be found behind them. Rows of a channel known to be over its rate limit are held where they are, without
   * being claimed. When every row read belongs to a channel with no free slot, it looks past them once
   * (within {@link #LOOK_PAST_ROWS} rows, at most every {@link #LOOK_PAST_EVERY} when that finds nothing).
   *
   * @return true when more may be due: the batch was full, or rows were held out of a full read
   */
  private boolean claimAndSendBatch() {
    // Answers waiting for their record count too: with none of those free, a read would take nothing.
    int free = Math.min(permits.availablePermits(), unrecorded.availablePermits());
    if (free == 0) {
      return false;
    }
    int perChannel = config.maxConcurrencyPerChannel();
    Instant now = clock.instant();
    int readLimit = free + config.maxConcurrency();
    List<DeliveryRepository.Due> due = claims.due(now, readLimit);
    int held = holdRateLimited(due, now);
    List<Picked> wanted = take(due, perChannel);
    if (wanted.isEmpty() && held == 0 && due.size() == readLimit && now.isAfter(lookPastAfter)) {
      List<String> skip = skippedChannels(perChannel, now);
      if (!skip.isEmpty()) {
        wanted = take(claims.dueLookingPast(now, LOOK_PAST_ROWS, readLimit, skip), perChannel);
        lookPastAfter = wanted.isEmpty() ? now.plus(LOOK_PAST_EVERY) : Instant.MIN;
      }
    }
    Set<String> claimed;
    try {
      Instant leaseUntil = now.plus(config.lease());
      List<String> toClaim = wanted.stream().map(Picked::id).toList();
      claimed = wanted.isEmpty() ? Set.of() : new HashSet<>(commits.await(c -> DeliveryWrites.claim(c, toClaim, instanceId, now, leaseUntil)));
    } catch (RuntimeException e) {
      wanted.forEach(this::giveBack);
      throw e;
    }
    List<Picked> toStart = new ArrayList<>(claimed.size());
    for (Picked picked : wanted) {
      if (claimed.contains(picked.id())) {
        toStart.add(picked);
      } else {
        giveBack(picked); // another instance, or a supersede, got there first
      }
    }
    // As many parts as there are preparing threads: each part is prepared in one transaction.
    int part = Math.max(1, -Math.floorDiv(-toStart.size(), config.prepareThreads()));
    for (int i = 0; i < toStart.size(); i += part) {
      List<Picked> some = toStart.subList(i, Math.min(toStart.size(), i + part));
      try {
        preparers.execute(() -> start(some));
      } catch (RuntimeException e) { // shutting down, or no thread to be had: their leases expire, they are attempted again
        LOG.log(e instanceof RejectedExecutionException ? Level.FINE : Level.WARNING, "Could not hand " + some.size() + " deliveries to a preparing thread", e);
        some.forEach(this::giveBack);
      }
    }
    return (!claimed.isEmpty() && wanted.size() == free) || (held > 0 && due.size() == readLimit);
  }

  /** A due delivery taken by this pass: it holds a permit and a slot on its channel until it is done. */
  private record Picked(String id, String channelId) {}

  /**
   * Takes a permit and a slot on its channel for each due row whose channel has room, in order. The slot is
   * taken here, not when the request is sent, so deliveries still being prepared count against the channel.
   */
  private List<Picked> take(List<DeliveryRepository.Due> due, int perChannel) {
    List<Picked> wanted = new ArrayList<>();
    Instant now = clock.instant();
    for (DeliveryRepository.Due d : due) {
      String channel = d.channelId();
      if (channel != null && (inFlight(channel) >= perChannel || overRateLimit(channel, now) != null)) {
        continue; // its channel is at its limit, got there within this batch, or waits for its rate window
      }
      if (!permits.tryAcquire()) {
        break;
      }
      if (!unrecorded.tryAcquire()) {
        permits.release();
        break;
      }
      if (channel != null) {
        counter(inFlightPerChannel, channel).incrementAndGet();
      }
      wanted.add(new Picked(d.id(), channel));
    }
    return wanted;
  }

  /** Gives back what {@link #take} took for a delivery that is not sent, or whose attempt is recorded. */
  private void giveBack(Picked picked) {
    answered(picked);
    unrecorded.release();
  }

  /** Its request was answered: its permit and its channel's slot are free; its attempt is still to be recorded. */
  private void answered(Picked picked) {
    if (picked.channelId() != null) {
      counter(inFlightPerChannel, picked.channelId()).decrementAndGet();
    }
    permits.release();
  }

  private static AtomicInteger counter(ConcurrentMap<String, AtomicInteger> counters, String channelId) {
    return counters.computeIfAbsent(channelId, k -> new AtomicInteger());
  }

  /**
   * Holds the rows read of channels known to be over their rate limit, in one write: they wait for the
   * window without being claimed and prepared one by one.
   *
   * @return how many were held
   */
  private int holdRateLimited(List<DeliveryRepository.Due> due, Instant now) {
    if (rateLimitedUntil.isEmpty()) {
      return 0;
    }
    List<DeliveryWrites.Hold> holds = new ArrayList<>();
    for (DeliveryRepository.Due d : due) {
      Instant until = overRateLimit(d.channelId(), now);
      if (until != null) {
        holds.add(new DeliveryWrites.Hold(d.id(), d.channelId(), until));
      }
    }
    if (holds.isEmpty()) {
      return 0;
    }
    Map<String, Integer> held = commits.await(c -> DeliveryWrites.hold(c, holds, now));
    held.forEach(metrics::rateLimitedCommitted);
    return held.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** When the channel's rate window frees, if this instance found it full and it has not freed yet. */
  private Instant overRateLimit(String channelId, Instant now) {
    if (channelId == null) {
      return null;
    }
    Instant until = rateLimitedUntil.get(channelId);
    if (until == null) {
      return null;
    }
    if (!until.isAfter(now)) {
      rateLimitedUntil.remove(channelId, until);
      return null;
    }
    return until;
  }

  /** Channels a read should look past: no free slot, or over their rate limit; at most {@link #MAX_SKIPPED}. */
  private List<String> skippedChannels(int perChannel, Instant now) {
    return java.util.stream.Stream.concat(
            inFlightPerChannel.entrySet().stream().filter(e -> e.getValue().get() >= perChannel).map(Map.Entry::getKey),
            rateLimitedUntil.keySet().stream().filter(c -> overRateLimit(c, now) != null))
        .distinct()
        .limit(MAX_SKIPPED)
        .toList();
  }

  private int inFlight(String channelId) {
    AtomicInteger load = inFlightPerChannel.get(channelId);
    return load == null ? 0 : load.get();
  }

  private ChannelSends sends(String channelId) {
    return sendsPerChannel.computeIfAbsent(channelId, k -> new ChannelSends());
  }

  /**
   * Prepares claimed deliveries together and sends them; on one of the preparing threads. When any of them
   * was not sent (cancelled, unsendable, held for its rate window, failed), its permit is free again and the
   * dispatcher is woken: nothing else would, and the next wake-up must see the times those rows were given.
   */
  private void start(List<Picked> picked) {
    if (prepareAndSend(picked)) {
      dispatchDue();
    }
  }

  /** @return true when at least one of them was given back instead of sent */
  private boolean prepareAndSend(List<Picked> picked) {
    Map<String, ChannelSends.Snapshot> before = new HashMap<>();
    for (Picked one : picked) {
      if (one.channelId() != null) {
        before.computeIfAbsent(one.channelId(), c -> sends(c).snapshot());
      }
    }
    DeliveryPreparation.Prepared prepared;
    try {
      prepared = preparation.prepareAll(picked.stream().map(Picked::id).toList());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not prepare " + picked.size() + " deliveries; their leases will expire and they are attempted again", e);
      picked.forEach(this::giveBack);
      return true;
    }
    if (!prepared.toCancel().isEmpty()) {
      try {
        Instant now = clock.instant();
        commits.await(c -> DeliveryWrites.cancelClaimed(c, prepared.toCancel(), instanceId, now));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not cancel " + prepared.toCancel().size() + " deliveries whose channel or alert is gone; they are tried again", e);
      }
    }
    boolean gaveBack = false;
    for (Picked one : picked) {
      PreparedDelivery p = prepared.ready().get(one.id());
      boolean sent = false;
      try {
        sent = p != null && send(one, p, before);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not start delivery " + one.id() + "; its lease will expire and it is attempted again", e);
      } finally {
        if (!sent) {
          giveBack(one);
          gaveBack = true;
        }
      }
    }
    return gaveBack;
  }

  /**
   * @param before what each channel of the list had in flight and had started before the list was read
   * @return true when the request went out: its answer gives back the permit and the channel's slot, its
   *     record what is left
   */
  private boolean send(Picked one, PreparedDelivery p, Map<String, ChannelSends.Snapshot> before) {
    if (!p.isValid()) {
      recorder.recordInvalid(p);
      return false;
    }
    // The channel the slot was taken for: a delivery's channel only ever changes to none, and is then cancelled.
    String channel = one.channelId() != null ? one.channelId() : p.channelId();
    ChannelSends sending = sends(channel);
    if (!sending.trySend(p.rateWindow(), before.computeIfAbsent(channel, c -> sending.snapshot()))) {
      Instant freesAt = p.rateWindow().freesAt();
      rateLimitedUntil.put(p.channelId(), freesAt); // its other due rows are held by the next read, unclaimed
      metrics.rateLimitedCommitted(p.channelId(), commits.await(c -> DeliveryWrites.holdClaimed(c, p.deliveryId(), instanceId, freesAt)));
      return false;
    }
    CompletableFuture<SendResult> answer;
    try {
      answer = sender.send(p.request(), p.connectTimeout(), p.responseTimeout());
    } catch (RuntimeException e) {
      sending.answered();
      throw e;
    }
    answer
        .whenComplete(
            (result, failure) -> {
              answered(one);
              try {
                // The next request may go out while this answer waits for the writer: a pass on a thread of its
                // own takes the permit now, where this thread would first wait for its record's commit.
                passSoon();
                if (result != null) {
                  attempts.record(p, result);
                } else {
                  LOG.log(Level.WARNING, "Send of delivery " + p.deliveryId() + " failed unexpectedly", failure);
                }
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record an attempt of delivery " + p.deliveryId()
                    + "; its lease will expire and it is attempted again", e);
              } finally {
                sending.answered(); // counted in its channel's rate window until its attempt is in the database
                unrecorded.release();
              }
              dispatchDue();
            });
    return true;
  }

  private void scheduleNextWakeUp() {
    try {
      boolean saturated =
          permits.availablePermits() == 0
              || unrecorded.availablePermits() == 0
              || inFlightPerChannel.values().stream().anyMatch(n -> n.get() >= config.maxConcurrencyPerChannel());
      if (saturated) {
        // Completions wake the dispatcher; the timer is only the fallback, so the query is not worth it.
        scheduler.wakeAt(clock.instant().plusSeconds(1));
        return;
      }
      claims.nextWakeUp(!config.singleInstanceDatabase()).ifPresent(scheduler::wakeAt);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read the next due delivery; the periodic sweep will", e);
    }
  }
}
