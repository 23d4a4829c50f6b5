package dev.alertwire.delivery.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void labelValuesAreEscapedSoANameCannotBreakTheFormat() {
    String text =
        new PrometheusText()
            .family("alertwire_channel_info", "gauge", "Help with a \\ and a\nline break.")
            .sample("alertwire_channel_info", List.of("channel", "c1", "name", "pager \"prod\"\n\\ops"), 1)
            .toString();
    assertEquals(
        "# HELP alertwire_channel_info Help with a \\\\ and a\\nline break.\n"
            + "# TYPE alertwire_channel_info gauge\n"
            + "alertwire_channel_info{channel=\"c1\",name=\"pager \\\"prod\\\"\\n\\\\ops\"} 1\n",
        text);
  }

  @Test
  void numbersArePlainDecimals() {
    assertEquals("3", PrometheusText.number(3.0));
    assertEquals("0.005", PrometheusText.number(0.005));
    assertEquals("0.0001", PrometheusText.number(1e-4));
    assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
  }

  @Test
  void histogramBucketsAreCumulativeAndEndWithInf() {
    Histogram h = new Histogram(new double[] {0.25, 1});
    h.observe(0.125);
    h.observe(0.25);
    h.observe(0.5);
    h.observe(7);
    PrometheusText text = new PrometheusText();
    h.write(text, "x_seconds", List.of("channel", "c"));
    assertEquals(
        "x_seconds_bucket{channel=\"c\",le=\"0.25\"} 2\n"
            + "x_seconds_bucket{channel=\"c\",le=\"1\"} 3\n"
            + "x_seconds_bucket{channel=\"c\",le=\"+Inf\"} 4\n"
            + "x_seconds_sum{channel=\"c\"} 7.875\n"
            + "x_seconds_count{channel=\"c\"} 4\n",
        text.toString());
  }

  @Test
  void channelsPastTheBoundShareOneLabel() {
    ChannelLabels labels = new ChannelLabels();
    labels.maxChannels = 2;
    assertEquals("a", labels.label("a"));
    assertEquals("b", labels.label("b"));
    assertEquals(ChannelLabels.OTHER, labels.label("c"));
    assertEquals("a", labels.label("a"));
    assertEquals(ChannelLabels.NONE, labels.label(null));
    assertEquals(List.of("a", "b"), labels.tracked().stream().sorted().toList());
  }

  @Test
  void statusClassesKeep410And429Apart() {
    assertEquals("2xx", DeliveryMetrics.statusClass(204));
    assertEquals("410", DeliveryMetrics.statusClass(410));
    assertEquals("429", DeliveryMetrics.statusClass(429));
    assertEquals("4xx", DeliveryMetrics.statusClass(404));
    assertEquals("5xx", DeliveryMetrics.statusClass(503));
  }
}
