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

  /** Bounds the list of channels a read leaves out (a query parameter list). */
  static final int MAX_SKIPPED = 500;

  private final String instanceId = UUID.randomUUID().toString();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean requested = new AtomicBoolean();
  private final ConcurrentMap<String, AtomicInteger> inFlightPerChannel = new ConcurrentHashMap<>();
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
   * them in one transaction and starts them. Channels already at their concurrency limit are left out of the
   * read itself, so a slow channel's backlog cannot fill it; a channel that reaches its limit within the batch
   * has its further rows skipped here, and a few more rows than permits are read so that other channels' can
   * be found behind them.
   *
   * @return true when more may be due: the batch was full, or the read was and rows were skipped
   */
  private boolean claimAndSendBatch() {
    int free = permits.availablePermits();
    if (free == 0) {
      return false;
    }
    int perChannel = config.maxConcurrencyPerChannel();
    Instant now = clock.instant();
    int readLimit = free + config.maxConcurrency();
    List<DeliveryRepository.Due> due = claims.due(now, readLimit, saturatedChannels(perChannel));
    Map<String, Integer> taken = new HashMap<>();
    List<String> wanted = new ArrayList<>();
    for (DeliveryRepository.Due d : due) {
      String channel = d.channelId();
      int load = (channel == null ? 0 : inFlight(channel)) + taken.getOrDefault(channel, 0);
      if (load >= perChannel) {
        continue; // its channel is at its limit, or got there within this batch
      }
      if (!permits.tryAcquire()) {
        break;
      }
      taken.merge(channel, 1, Integer::sum);
      wanted.add(d.id());
    }
    List<String> claimed;
    try {
      Instant leaseUntil = now.plus(config.lease());
      claimed = wanted.isEmpty() ? List.of() : commits.await(c -> DeliveryWrites.claim(c, wanted, instanceId, now, leaseUntil));
    } catch (RuntimeException e) {
      permits.release(wanted.size());
      throw e;
    }
    permits.release(wanted.size() - claimed.size());
    claimed.forEach(this::start);
    return !claimed.isEmpty() && (wanted.size() == free || due.size() == readLimit);
  }

  /** Channels with as many attempts in flight as they may have; at most {@link #MAX_SKIPPED} of them. */
  private List<String> saturatedChannels(int perChannel) {
    return inFlightPerChannel.entrySet().stream()
        .filter(e -> e.getValue().get() >= perChannel)
        .map(Map.Entry::getKey)
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
        int held = commits.await(c -> DeliveryWrites.holdForRateLimit(c, p.deliveryId(), p.channelId(), instanceId, until, clock.instant()));
        metrics.rateLimitedCommitted(p.channelId(), held);
      } finally {
        permits.release();
      }
      return;
    }
    if (channelLoad.get() >= config.maxConcurrencyPerChannel()) {
      // The channel has enough in flight: let the lease go, a completion wakes the dispatcher again.
      claims.release(p.deliveryId(), instanceId);
      permits.release();
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
