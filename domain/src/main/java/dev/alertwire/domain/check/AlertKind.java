package dev.alertwire.domain.check;

/** The alerts webhooks carry, by their ALERT_TYPE; channels choose which they want. */
public enum AlertKind {
  ALERT_FAILURE,
  ALERT_RECOVERY,
  ALERT_DEGRADED,
  ALERT_DEGRADED_RECOVERY,
  ALERT_SSL;

  public static java.util.Optional<AlertKind> parse(String type) {
    for (AlertKind k : values()) {
      if (k.name().equals(type)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
