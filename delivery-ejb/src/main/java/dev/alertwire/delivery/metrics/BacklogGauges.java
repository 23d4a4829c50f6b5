package dev.alertwire.delivery.metrics;

import dev.alertwire.domain.delivery.DeliveryStatus;
import dev.alertwire.persistence.delivery.DeliveryBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gauges read from the database ({@link DeliveryBacklog}), kept for {@link #MAX_AGE} so that scrapes
 * from several Prometheus servers, or a dashboard refreshing every second, cost the database one read
 * every few seconds. They describe the whole database, so every instance sharing it shows the same values.
 */
@ApplicationScoped
public class BacklogGauges {
  static final Duration MAX_AGE = Duration.ofSeconds(5);

  @Inject DeliveryBacklog backlog;
  @Inject ChannelLabels channels;

  private record Reading(Instant at, DeliveryBacklog.Snapshot snapshot, Map<String, String> names) {}

  private volatile Reading last;

  private Reading fresh(Instant now) {
    Reading r = last;
    if (r == null || r.at().plus(MAX_AGE).isBefore(now) || r.at().isAfter(now)) {
      r = new Reading(now, backlog.read(now), backlog.channelNames(channels.tracked()));
      last = r;
    }
    return r;
  }

  /** Must run in a transaction (the scrape boundary's). */
  synchronized void write(PrometheusText text, Instant now) {
    Reading r = fresh(now);
    DeliveryBacklog.Snapshot s = r.snapshot();
    text.family("alertwire_deliveries_due", "gauge", "Unfinished deliveries whose next attempt time has come, in flight ones included.");
    text.sample("alertwire_deliveries_due", s.due());
    text.family("alertwire_deliveries_unfinished", "gauge", "Unfinished deliveries by status: pending (never attempted), retrying, rate_limited.");
    for (Map.Entry<DeliveryStatus, Long> e : s.unfinished().entrySet()) {
      text.sample("alertwire_deliveries_unfinished", List.of("status", e.getKey().name().toLowerCase(Locale.ROOT)), e.getValue());
    }
    text.family("alertwire_oldest_due_delivery_age_seconds", "gauge",
        "How long the oldest due delivery not in flight has waited since its attempt time; 0 when none waits.");
    double age = s.oldestDue().map(t -> Math.max(0, Duration.between(t, r.at()).toMillis() / 1000.0)).orElse(0.0);
    text.sample("alertwire_oldest_due_delivery_age_seconds", age);
    text.family("alertwire_channels_gone", "gauge", "Channels flagged because their receiver answered 410 Gone, until they are edited.");
    text.sample("alertwire_channels_gone", s.goneChannels());
    text.family("alertwire_channel_info", "gauge", "1 for each channel id used as a channel label, with the channel's current name.");
    r.names().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.sample("alertwire_channel_info", List.of("channel", e.getKey(), "name", e.getValue()), 1));
    text.family("alertwire_gauges_read_age_seconds", "gauge", "Age of the database reading behind the gauges above (they are cached for 5 s).");
    text.sample("alertwire_gauges_read_age_seconds", Math.max(0, Duration.between(r.at(), now).toMillis() / 1000.0));
  }
}
