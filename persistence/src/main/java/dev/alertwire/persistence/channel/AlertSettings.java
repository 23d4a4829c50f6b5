package dev.alertwire.persistence.channel;

import dev.alertwire.domain.check.AlertKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Which alerts a channel wants, with the hosted product's names and defaults. */
@Embeddable
public class AlertSettings {
  @Column(name = "send_failure", nullable = false)
  private boolean sendFailure = true;

  @Column(name = "send_recovery", nullable = false)
  private boolean sendRecovery = true;

  @Column(name = "send_degraded", nullable = false)
  private boolean sendDegraded = false;

  @Column(name = "ssl_expiry", nullable = false)
  private boolean sslExpiry = false;

  @Column(name = "ssl_expiry_threshold", nullable = false)
  private int sslExpiryThreshold = 30;

  @Column(name = "auto_subscribe", nullable = false)
  private boolean autoSubscribe = false;

  public AlertSettings() {}

  public AlertSettings(
      boolean sendFailure, boolean sendRecovery, boolean sendDegraded, boolean sslExpiry, int sslExpiryThreshold, boolean autoSubscribe) {
    this.sendFailure = sendFailure;
    this.sendRecovery = sendRecovery;
    this.sendDegraded = sendDegraded;
    this.sslExpiry = sslExpiry;
    this.sslExpiryThreshold = sslExpiryThreshold;
    this.autoSubscribe = autoSubscribe;
  }

  /** Degraded and degraded-recovery alerts go together, as failure and recovery do not. */
  public boolean wants(AlertKind kind) {
    return switch (kind) {
      case ALERT_FAILURE -> sendFailure;
      case ALERT_RECOVERY -> sendRecovery;
      case ALERT_DEGRADED, ALERT_DEGRADED_RECOVERY -> sendDegraded;
      case ALERT_SSL -> sslExpiry;
    };
  }

  public boolean wantsSslAlert(int daysRemaining) {
    return sslExpiry && daysRemaining <= sslExpiryThreshold;
  }

  public boolean sendFailure() {
    return sendFailure;
  }

  public boolean sendRecovery() {
    return sendRecovery;
  }

  public boolean sendDegraded() {
    return sendDegraded;
  }

  public boolean sslExpiry() {
    return sslExpiry;
  }

  public int sslExpiryThreshold() {
    return sslExpiryThreshold;
  }

  public boolean autoSubscribe() {
    return autoSubscribe;
  }
}
