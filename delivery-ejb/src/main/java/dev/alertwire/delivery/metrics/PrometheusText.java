package dev.alertwire.delivery.metrics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: one {@code # HELP} and one {@code # TYPE}
 * line per family, then its samples. Label values are escaped (backslash, double quote, line feed), so a
 * channel name cannot break the format.
 */
public final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(8192);

  public PrometheusText family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** One sample; {@code labels} alternate name and value. */
  public PrometheusText sample(String name, List<String> labels, double value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{');
      for (int i = 0; i < labels.size(); i += 2) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labels.get(i)).append("=\"").append(escape(labels.get(i + 1))).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(number(value)).append('\n');
    return this;
  }

  public PrometheusText sample(String name, double value) {
    return sample(name, List.of(), value);
  }

  static String escape(String labelValue) {
    return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Integers without a fraction, others in plain decimal; +Inf as Prometheus spells it. */
  static String number(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
