package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.config.AlertwireConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Logger;

/**
 * Wakes the dispatcher: one single-action timer at the earliest due time, plus a periodic sweep that picks
 * up rows written by other instances and expired leases. Timers are non-persistent on purpose: the rows
 * are the truth, and start-up resumes from them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryScheduler {
  private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class.getName());
  /** Never spin: a wake-up for a time already past is set this far ahead. */
  private static final Duration MIN_DELAY = Duration.ofMillis(50);
  private static final Duration LOST_AFTER = Duration.ofSeconds(10);

  @Resource TimerService timers;
  @Inject DeliveryDispatcher dispatcher;
  @Inject DeliveryClaims claims;
  @Inject AlertwireConfig config;
  @Inject Clock clock;

  private Timer timer;
  private Instant scheduledFor;

  @PostConstruct
  void resume() {
    if (config.singleInstanceDatabase()) {
      int released = claims.releaseAllLeases();
      if (released > 0) {
        LOG.info(() -> "Resuming " + released + " deliveries that were in flight when the app stopped");
      }
    }
    wakeAt(clock.instant());
  }

  /** Makes sure the dispatcher runs at {@code when} or earlier. */
  public synchronized void wakeAt(Instant when) {
    Instant now = clock.instant();
    Instant at = when.isBefore(now.plus(MIN_DELAY)) ? now.plus(MIN_DELAY) : when;
    // A timer that is due (or just overdue: the timer service fires with up to ~1 s delay) is kept; replacing
    // it would push the wake-up back again. One overdue by far is taken as lost and replaced.
    boolean alive = timer != null && scheduledFor.isAfter(now.minus(LOST_AFTER));
    if (alive && !scheduledFor.isAfter(at)) {
      return;
    }
    if (timer != null) {
      try {
        timer.cancel();
      } catch (RuntimeException alreadyFired) {
        // it fired or was cancelled meanwhile; a new one is set below
      }
    }
    timer = timers.createSingleActionTimer(Date.from(at), new TimerConfig(null, false));
    scheduledFor = at;
  }

  public void wakeNow() {
    wakeAt(clock.instant());
  }

  @Timeout
  void onTimer(Timer fired) {
    synchronized (this) {
      if (scheduledFor != null && !scheduledFor.isAfter(clock.instant())) {
        timer = null;
        scheduledFor = null;
      }
    }
    dispatcher.dispatchDue();
  }

  @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
  void sweep() {
    dispatcher.dispatchDue();
  }
}
