package dev.alertwire.domain.source;

import java.util.Locale;

/** The tools whose webhook payloads Alertwire takes as they are. */
public enum AlertSource {
  ALERTMANAGER,
  GRAFANA;

  /** The path segment under /api/v1/sources/ and the value of {@code ALERT_SOURCE}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
