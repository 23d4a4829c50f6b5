package dev.alertwire.delivery.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A Prometheus histogram with fixed upper bounds, in seconds. Each observation adds one to the first bucket
 * that holds it; the exposition sums them up, since Prometheus buckets are cumulative ({@code le}).
 */
final class Histogram {
  private final double[] bounds;
  /** Index {@code bounds.length} counts what exceeds the last bound (+Inf). */
  private final AtomicLongArray counts;
  private final DoubleAdder sum = new DoubleAdder();

  Histogram(double[] bounds) {
    this.bounds = bounds.clone();
    this.counts = new AtomicLongArray(bounds.length + 1);
  }

  void observe(double seconds) {
    double value = Math.max(0, seconds);
    int i = 0;
    while (i < bounds.length && value > bounds[i]) {
      i++;
    }
    counts.incrementAndGet(i);
    sum.add(value);
  }

  /** Writes _bucket (cumulative, +Inf last), _sum and _count, with these labels before {@code le}. */
  void write(PrometheusText text, String name, List<String> labels) {
    long cumulative = 0;
    for (int i = 0; i <= bounds.length; i++) {
      cumulative += counts.get(i);
      List<String> withLe = new ArrayList<>(labels);
      withLe.add("le");
      withLe.add(i < bounds.length ? PrometheusText.number(bounds[i]) : "+Inf");
      text.sample(name + "_bucket", withLe, cumulative);
    }
    text.sample(name + "_sum", labels, sum.sum());
    text.sample(name + "_count", labels, cumulative);
  }
}
