package dev.alertwire.delivery.metrics;

import dev.alertwire.delivery.dispatch.PreparedDelivery;
import dev.alertwire.delivery.dispatch.SendResult;
import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.domain.delivery.ErrorClass;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The counters and histograms of this process, fed by one call per event from the dispatcher, the attempt
 * recorder and the outbox. A call made inside a transaction counts when that transaction commits, and not
 * at all when it rolls back, so the counts follow what the history holds. Gauges come from the database
 * ({@link BacklogGauges}). Nothing here holds a URL, a header, a body or a secret: only channel ids, status
 * classes and durations.
 */
@ApplicationScoped
public class DeliveryMetrics {
  /** Attempt durations: a receiver answers in milliseconds; a response timeout is 30 s by default. */
  static final double[] ATTEMPT_BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  /** Accepted to first attempt: milliseconds when idle, minutes in a backlog or behind a rate limit. */
  static final double[] FIRST_ATTEMPT_BOUNDS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600};

  @Inject ChannelLabels channels;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<List<String>, LongAdder> deliveries = new ConcurrentHashMap<>();
  private final Map<List<String>, LongAdder> attempts = new ConcurrentHashMap<>();
  private final Map<List<String>, LongAdder> rateLimited = new ConcurrentHashMap<>();
  private final Map<List<String>, LongAdder> superseded = new ConcurrentHashMap<>();
  private final Map<List<String>, LongAdder> renderErrors = new ConcurrentHashMap<>();
  private final Map<List<String>, Histogram> attemptDurations = new ConcurrentHashMap<>();
  private final Histogram firstAttemptDelay = new Histogram(FIRST_ATTEMPT_BOUNDS);

  /**
   * An attempt was sent and its answer (or error) recorded.
   *
   * @param acceptedAt when the delivery was created (the alert accepted)
   * @param statusAfter the delivery's status once the attempt is recorded
   */
  public void attempted(PreparedDelivery delivery, SendResult result, Instant acceptedAt, DeliveryStatus statusAfter) {
    String channel = channels.label(delivery.channelId());
    String attemptResult = result.status() != null ? statusClass(result.status()) : errorLabel(result.error());
    double seconds = result.durationMs() / 1000.0;
    double sinceAccepted =
        delivery.attemptNumber() == 1 && acceptedAt != null && result.startedAt() != null
            ? Duration.between(acceptedAt, result.startedAt()).toMillis() / 1000.0
            : -1;
    afterCommit(
        () -> {
          add(attempts, channel, attemptResult);
          attemptDurations.computeIfAbsent(List.of(channel), k -> new Histogram(ATTEMPT_BOUNDS)).observe(seconds);
          if (sinceAccepted >= 0) {
            firstAttemptDelay.observe(sinceAccepted);
          }
          finished(channel, statusAfter);
        });
  }

  /** No request could be built for an attempt (a template or URL that fails to render, or an unreadable secret). */
  public void unsendable(PreparedDelivery delivery, DeliveryStatus statusAfter) {
    String channel = channels.label(delivery.channelId());
    ErrorClass why = delivery.invalidClass();
    afterCommit(
        () -> {
          add(attempts, channel, errorLabel(why));
          if (why == ErrorClass.INVALID_REQUEST) {
            add(renderErrors, channel);
          }
          finished(channel, statusAfter);
        });
  }

  /** This many of a channel's deliveries were held back by its rate limit, by a write already committed. */
  public void rateLimitedCommitted(String channelId, int count) {
    if (count > 0) {
      key(rateLimited, List.of(channels.label(channelId))).add(count);
    }
  }

  /** A newer alert about the same check finished this many of a channel's unfinished deliveries. */
  public int superseded(String channelId, int count) {
    if (count > 0) {
      String channel = channels.label(channelId);
      afterCommit(() -> key(superseded, List.of(channel)).add(count));
    }
    return count;
  }

  /**
   * Like {@link #superseded}, for a write the group commit ({@code delivery.commit}) has already committed on
   * its own connection: counted now, not with the caller's transaction, which did not hold the write.
   */
  public void supersededCommitted(String channelId, int count) {
    if (count > 0) {
      key(superseded, List.of(channels.label(channelId))).add(count);
    }
  }

  void write(PrometheusText text) {
    text.family("alertwire_deliveries_total", "counter", "Deliveries finished by an attempt of this process, by channel and outcome (succeeded, failed).");
    counters(text, "alertwire_deliveries_total", deliveries, "channel", "outcome");
    text.family("alertwire_delivery_attempts_total", "counter",
        "Attempts by channel and result: the HTTP status class (2xx, 3xx, 4xx, 5xx; 410 and 429 on their own) or the error class.");
    counters(text, "alertwire_delivery_attempts_total", attempts, "channel", "result");
    text.family("alertwire_delivery_attempt_duration_seconds", "histogram", "Time from sending a request to its answer or error, by channel.");
    sorted(attemptDurations).forEach(e -> e.getValue().write(text, "alertwire_delivery_attempt_duration_seconds", List.of("channel", e.getKey().get(0))));
    text.family("alertwire_delivery_first_attempt_delay_seconds", "histogram", "Time from accepting an alert to the first attempt of its delivery to a channel.");
    firstAttemptDelay.write(text, "alertwire_delivery_first_attempt_delay_seconds", List.of());
    text.family("alertwire_deliveries_rate_limited_total", "counter", "Times a due delivery was held back by its channel's rate limit.");
    counters(text, "alertwire_deliveries_rate_limited_total", rateLimited, "channel");
    text.family("alertwire_deliveries_superseded_total", "counter", "Unfinished deliveries finished as superseded by a newer alert about the same check.");
    counters(text, "alertwire_deliveries_superseded_total", superseded, "channel");
    text.family("alertwire_template_render_errors_total", "counter", "Delivery attempts whose request could not be rendered from the channel's templates.");
    counters(text, "alertwire_template_render_errors_total", renderErrors, "channel");
  }

  private void finished(String channel, DeliveryStatus statusAfter) {
    if (statusAfter == DeliveryStatus.SUCCEEDED || statusAfter == DeliveryStatus.FAILED) {
      add(deliveries, channel, statusAfter.name().toLowerCase(Locale.ROOT));
    }
  }

  static String statusClass(int status) {
    if (status == 410 || status == 429) {
      return Integer.toString(status);
    }
    return status >= 100 && status < 600 ? (status / 100) + "xx" : "other_status";
  }

  private static String errorLabel(ErrorClass error) {
    return error == null ? "error" : error.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Runs {@code count} when the caller's transaction commits, or now when there is none. Registered as an
   * interposed synchronization: it only touches this bean's memory.
   */
  private void afterCommit(Runnable count) {
    if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                count.run();
              }
            }
          });
    } else {
      count.run();
    }
  }

  private static void add(Map<List<String>, LongAdder> counter, String... labelValues) {
    key(counter, List.of(labelValues)).increment();
  }

  private static LongAdder key(Map<List<String>, LongAdder> counter, List<String> labelValues) {
    return counter.computeIfAbsent(labelValues, k -> new LongAdder());
  }

  private static void counters(PrometheusText text, String name, Map<List<String>, LongAdder> counter, String... labelNames) {
    sorted(counter).forEach(e -> {
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < labelNames.length; i++) {
        labels.add(labelNames[i]);
        labels.add(e.getKey().get(i));
      }
      text.sample(name, labels, e.getValue().sum());
    });
  }

  private static <V> List<Map.Entry<List<String>, V>> sorted(Map<List<String>, V> map) {
    Function<Map.Entry<List<String>, V>, String> byLabels = e -> String.join("\u0000", e.getKey());
    return map.entrySet().stream().sorted(Comparator.comparing(byLabels)).toList();
  }
}
