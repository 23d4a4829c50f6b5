package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.ingest.DeliveriesQueued;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Starts the first attempts right after the accepting transaction commits, on a managed thread. Not through
 * a timer: EJB timers fire at most about once a second, and a stream of alerts would keep re-arming one.
 */
@ApplicationScoped
public class DispatchTrigger {
  @Inject DeliveryDispatcher dispatcher;
  @Resource ManagedExecutorService executor;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
    if (queued.count() > 0) {
      executor.execute(dispatcher::dispatchDue);
    }
  }
}
