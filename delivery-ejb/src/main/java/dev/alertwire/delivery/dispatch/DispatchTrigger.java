package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.ingest.DeliveriesQueued;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the first attempts right after the accepting transaction commits, on a managed thread. Not through
 * a timer: EJB timers fire at most about once a second, and a stream of alerts would keep re-arming one.
 * Commits that arrive while a task is queued and not yet started share it: it reads every committed row.
 */
@ApplicationScoped
public class DispatchTrigger {
  @Inject DeliveryDispatcher dispatcher;
  @Resource ManagedExecutorService executor;

  private final AtomicBoolean queuedTask = new AtomicBoolean();

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
    if (queued.count() > 0 && queuedTask.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              queuedTask.set(false); // before the pass reads the rows, so a later commit queues a new task
              dispatcher.dispatchDue();
            });
      } catch (RuntimeException e) {
        queuedTask.set(false);
        throw e;
      }
    }
  }
}
