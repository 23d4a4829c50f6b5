package dev.alertwire.web.view.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.persistence.channel.AlertChannel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The console's new channel starts with the settings a channel created through the API (or imported) gets
 * when it leaves them out. Before, "a newer alert cancels the retries of an older one" started unticked in
 * the console and saved supersedeOlder=false, while the API and the README default to true.
 */
class ChannelEditorDefaultsTest {
  @Test
  void aNewChannelInTheConsoleHasTheApisDefaults() {
    ChannelEditorBacking form = new ChannelEditorBacking();
    form.startNew();
    AlertChannel api = new AlertChannel("x", Instant.now());
    assertTrue(form.isSupersedeOlder());
    assertEquals(api.supersedesOlder(), form.isSupersedeOlder());
    assertEquals(api.activated(), form.isActivated());
    assertEquals(api.retryPolicy().maxRetries(), form.getMaxRetries());
    assertEquals((int) api.retryPolicy().delay().toSeconds(), form.getRetryDelaySeconds());
    assertEquals(api.retryPolicy().backoff().name(), form.getBackoff());
    assertEquals((int) api.connectTimeout().toSeconds(), form.getConnectTimeoutSeconds());
    assertEquals((int) api.responseTimeout().toSeconds(), form.getResponseTimeoutSeconds());
    assertEquals(api.alertSettings().sendFailure(), form.isSendFailure());
    assertEquals(api.alertSettings().sendRecovery(), form.isSendRecovery());
    assertEquals(api.alertSettings().sendDegraded(), form.isSendDegraded());
    assertEquals(api.alertSettings().sslExpiry(), form.isSslExpiry());
    assertEquals(api.alertSettings().sslExpiryThreshold(), form.getSslExpiryThreshold());
    assertEquals(api.signatureScheme().name(), form.getSignatureScheme());
    assertEquals(api.rateLimitPerMinute().orElse(0), form.getRateLimitPerMinute());
  }
}
