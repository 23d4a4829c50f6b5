package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.ingest.DeliveriesQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts the first attempts right after the accepting transaction commits, not at the next sweep. */
@ApplicationScoped
public class DispatchTrigger {
  @Inject DeliveryScheduler scheduler;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
    if (queued.count() > 0) {
      scheduler.wakeNow();
    }
  }
}
