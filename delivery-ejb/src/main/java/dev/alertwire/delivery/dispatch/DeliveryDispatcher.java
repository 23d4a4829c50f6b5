package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.config.AlertwireConfig;
import dev.alertwire.delivery.commit.Commits;
import dev.alertwire.delivery.metrics.DeliveryMetrics;
import dev.alertwire.persistence.delivery.DeliveryRepository;
import dev.alertwire.persistence.delivery.DeliveryWrites;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import dev.alertwire.delivery.secret.MasterKeyCheck;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims due deliveries and sends them, within a bound overall and per channel. It keeps no work of its
 * own: everything it needs is read from the rows, so a restart or a second instance loses nothing.
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

  /** Bounds the list of channels a look past leaves out (one query parameter each). */
  static final int MAX_SKIPPED = 500;
  /** How far a look past the skipped channels' rows goes: their rows are checked one by one. */
  static final int LOOK_PAST_ROWS = 5_000;
  /** A look past that found nothing is not made again before this; one that found something, at the next need. */
  static final Duration LOOK_PAST_EVERY = Duration.ofMillis(250);

  private final String instanceId = UUID.randomUUID().toString();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean requested = new AtomicBoolean();
  private final ConcurrentMap<String, AtomicInteger> inFlightPerChannel = new ConcurrentHashMap<>();
  /** Channels this instance found over their rate limit, and when their window frees. */
  private final ConcurrentMap<String, Instant> rateLimitedUntil = new ConcurrentHashMap<>();
  /** Set by the single thread that runs passes ({@link #running}). */
  private Instant lookPastAfter = Instant.MIN;
  private Semaphore permits;

  @PostConstruct
  void init() {
    permits = new Semaphore(config.maxConcurrency());
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
    int free = permits.availablePermits();
    if (free == 0) {
      return false;
    }
    int perChannel = config.maxConcurrencyPerChannel();
    Instant now = clock.instant();
    int readLimit = free + config.maxConcurrency();
    List<DeliveryRepository.Due> due = claims.due(now, readLimit);
    int held = holdRateLimited(due, now);
    List<String> wanted = take(due, perChannel);
    if (wanted.isEmpty() && held == 0 && due.size() == readLimit && now.isAfter(lookPastAfter)) {
      List<String> skip = skippedChannels(perChannel, now);
      if (!skip.isEmpty()) {
        wanted = take(claims.dueLookingPast(now, LOOK_PAST_ROWS, readLimit, skip), perChannel);
        lookPastAfter = wanted.isEmpty() ? now.plus(LOOK_PAST_EVERY) : Instant.MIN;
      }
    }
    List<String> claimed;
    try {
      Instant leaseUntil = now.plus(config.lease());
      List<String> toClaim = wanted;
      claimed = wanted.isEmpty() ? List.of() : commits.await(c -> DeliveryWrites.claim(c, toClaim, instanceId, now, leaseUntil));
    } catch (RuntimeException e) {
      permits.release(wanted.size());
      throw e;
    }
    permits.release(wanted.size() - claimed.size());
    for (String id : claimed) {
      try {
        start(id);
      } catch (RuntimeException e) {
        // start gives its permit back on every path; one failure must not strand the others' permits
        LOG.log(Level.WARNING, "Could not start delivery " + id + "; its lease will expire and it is attempted again", e);
      }
    }
    return (!claimed.isEmpty() && wanted.size() == free) || (held > 0 && due.size() == readLimit);
  }

  /** Takes a permit for each due row whose channel has room, in order; the ids taken. */
  private List<String> take(List<DeliveryRepository.Due> due, int perChannel) {
    Map<String, Integer> taken = new HashMap<>();
    List<String> wanted = new ArrayList<>();
    Instant now = clock.instant();
    for (DeliveryRepository.Due d : due) {
      String channel = d.channelId();
      int load = (channel == null ? 0 : inFlight(channel)) + taken.getOrDefault(channel, 0);
      if (load >= perChannel || overRateLimit(channel, now) != null) {
        continue; // its channel is at its limit, got there within this batch, or waits for its rate window
      }
      if (!permits.tryAcquire()) {
        break;
      }
      taken.merge(channel, 1, Integer::sum);
      wanted.add(d.id());
    }
    return wanted;
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

  private void start(String deliveryId) {
    Optional<PreparedDelivery> prepared;
    try {
      prepared = preparation.prepare(deliveryId);
    } catch (RuntimeException e) {
      permits.release();
      LOG.log(Level.WARNING, "Could not prepare delivery " + deliveryId + "; its lease will expire and it retries", e);
      return;
    }
    if (prepared.isEmpty()) {
      permits.release();
      return;
    }
    PreparedDelivery p = prepared.get();
    if (!p.isValid()) {
      try {
        recorder.recordInvalid(p);
      } finally {
        permits.release();
      }
      return;
    }
    AtomicInteger channelLoad = inFlightPerChannel.computeIfAbsent(p.channelId(), k -> new AtomicInteger());
    if (p.rateWindow() != null && p.rateWindow().full(channelLoad.get())) {
      try {
        Instant until = p.rateWindow().freesAt();
        rateLimitedUntil.put(p.channelId(), until); // its other due rows are held by the next read, unclaimed
        metrics.rateLimitedCommitted(p.channelId(), commits.await(c -> DeliveryWrites.holdClaimed(c, p.deliveryId(), instanceId, until)));
      } finally {
        permits.release();
      }
      return;
    }
    if (channelLoad.get() >= config.maxConcurrencyPerChannel()) {
      // The channel has enough in flight: let the lease go, a completion wakes the dispatcher again.
      try {
        claims.release(p.deliveryId(), instanceId);
      } finally {
        permits.release();
      }
      return;
    }
    channelLoad.incrementAndGet();
    sender
        .send(p.request(), p.connectTimeout(), p.responseTimeout())
        .whenComplete(
            (result, failure) -> {
              try {
                if (result != null) {
                  attempts.record(p, result);
                } else {
                  LOG.log(Level.WARNING, "Send of delivery " + p.deliveryId() + " failed unexpectedly", failure);
                }
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record an attempt of delivery " + p.deliveryId()
                    + "; its lease will expire and it is attempted again", e);
              } finally {
                channelLoad.decrementAndGet();
                permits.release();
              }
              dispatchDue();
            });
  }

  private void scheduleNextWakeUp() {
    try {
      boolean saturated =
          permits.availablePermits() == 0
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
