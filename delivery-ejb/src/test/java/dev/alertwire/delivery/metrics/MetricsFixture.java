package dev.alertwire.delivery.metrics;

/** A {@link DeliveryMetrics} as the container builds it, outside a transaction, and its scrape, for tests elsewhere. */
public final class MetricsFixture {
  private MetricsFixture() {}

  public static DeliveryMetrics metrics() {
    DeliveryMetrics metrics = new DeliveryMetrics();
    metrics.channels = new ChannelLabels();
    metrics.channels.maxChannels = 100;
    return metrics;
  }

  public static String scrape(DeliveryMetrics metrics) {
    PrometheusText text = new PrometheusText();
    metrics.write(text);
    return text.toString();
  }
}
