package dev.alertwire.delivery.dispatch;

import dev.alertwire.delivery.ingest.DeliveriesQueued;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the first attempts right after the accepting transaction commits, on a thread of its own from the
 * server's thread factory (not the managed executor, which sets the application's context up again for each
 * task: docs/benchmarks.md, section 11). Not through a timer: EJB timers fire at most about once a second,
 * and a stream of alerts would keep re-arming one. Commits that arrive while a task is queued and not yet
 * started share it: it reads every committed row.
 */
@ApplicationScoped
public class DispatchTrigger {
  @Inject DeliveryDispatcher dispatcher;
  @Resource ManagedThreadFactory threads;

  private ThreadPoolExecutor executor;

  private final AtomicBoolean queuedTask = new AtomicBoolean();

  @PostConstruct
  void init() {
    executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    executor.allowCoreThreadTimeOut(true);
  }

  @PreDestroy
  void close() {
    executor.shutdownNow(); // a queued pass would run against beans being destroyed; the rows wait for the next start
  }

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
