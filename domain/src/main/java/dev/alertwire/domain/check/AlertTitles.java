package dev.alertwire.domain.check;

/** ALERT_TITLE worded as the hosted product words it. */
public final class AlertTitles {
  private AlertTitles() {}

  public static String of(AlertKind kind, String checkName, String sslDomain, Integer sslDaysRemaining) {
    return switch (kind) {
      case ALERT_FAILURE -> "Check \"" + checkName + "\" has failed";
      case ALERT_RECOVERY, ALERT_DEGRADED_RECOVERY -> "Check \"" + checkName + "\" has recovered";
      case ALERT_DEGRADED -> "Check \"" + checkName + "\" is degraded";
      case ALERT_SSL -> "The SSL certificate for " + sslDomain + " will expire in " + sslDaysRemaining + " days";
    };
  }
}
