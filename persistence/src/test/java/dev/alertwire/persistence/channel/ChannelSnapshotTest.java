package dev.alertwire.persistence.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.delivery.Backoff;
import dev.alertwire.domain.delivery.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A snapshot is what sending needs of a channel, copied: later changes to the entity do not reach it. */
class ChannelSnapshotTest {
  private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

  private static AlertChannel channel() {
    AlertChannel c = new AlertChannel("ops", NOW);
    c.describeRequest(
        "http://127.0.0.1:9/hook",
        HttpMethod.PUT,
        "{\"a\":\"{{ALERT_TYPE}}\"}",
        List.of(
            new ChannelParameter(ChannelParameter.Kind.HEADER, "Authorization", "v1:encrypted-token", true),
            new ChannelParameter(ChannelParameter.Kind.QUERY, "team", "ops", false)));
    c.replaceWebhookSecret("v1:encrypted-first", NOW.minus(Duration.ofDays(3)));
    c.useSignatureScheme(AlertChannel.SignatureScheme.STANDARD_WEBHOOKS);
    c.retryWith(new RetryPolicy(4, Duration.ofSeconds(7), Backoff.EXPONENTIAL, RetryPolicy.DEFAULT.maxDelay()));
    c.timeouts(Duration.ofSeconds(2), Duration.ofSeconds(9));
    c.limitRate(30);
    return c;
  }

  @Test
  void copiesEverySendingSettingWithSecretsAsStored() {
    AlertChannel c = channel();
    ChannelSnapshot s = ChannelSnapshot.of(c);
    assertEquals(c.id(), s.id());
    assertEquals("http://127.0.0.1:9/hook", s.url());
    assertEquals(HttpMethod.PUT, s.method());
    assertEquals("{\"a\":\"{{ALERT_TYPE}}\"}", s.bodyTemplate());
    assertEquals(
        List.of(
            new ChannelSnapshot.Parameter(ChannelParameter.Kind.HEADER, "Authorization", "v1:encrypted-token", true),
            new ChannelSnapshot.Parameter(ChannelParameter.Kind.QUERY, "team", "ops", false)),
        s.parameters());
    assertEquals("v1:encrypted-first", s.encryptedWebhookSecret());
    assertTrue(s.hasWebhookSecret());
    assertEquals(AlertChannel.SignatureScheme.STANDARD_WEBHOOKS, s.signatureScheme());
    assertEquals(c.retryPolicy(), s.retryPolicy());
    assertEquals(Duration.ofSeconds(2), s.connectTimeout());
    assertEquals(Duration.ofSeconds(9), s.responseTimeout());
    assertEquals(Optional.of(30), s.rateLimit());
    assertFalse(s.toString().contains("encrypted"), "not even the ciphertext in its text: " + s);
  }

  @Test
  void laterChangesToTheChannelDoNotReachTheSnapshot() {
    AlertChannel c = channel();
    ChannelSnapshot s = ChannelSnapshot.of(c);
    c.describeRequest("http://127.0.0.1:9/other", HttpMethod.POST, "changed", List.of());
    c.limitRate(null);
    assertEquals("http://127.0.0.1:9/hook", s.url());
    assertEquals(2, s.parameters().size());
    assertEquals(Optional.of(30), s.rateLimit());
  }

  @Test
  void thePreviousSecretSignsUntilTheOverlapEndsAsOnTheChannel() {
    AlertChannel c = channel();
    Instant rotated = NOW;
    c.replaceWebhookSecret("v1:encrypted-second", rotated);
    ChannelSnapshot s = ChannelSnapshot.of(c);
    Instant last = rotated.plus(AlertChannel.ROTATION_OVERLAP).minusMillis(1);
    Instant over = rotated.plus(AlertChannel.ROTATION_OVERLAP);
    for (Instant at : List.of(rotated, last, over)) {
      assertEquals(c.encryptedPreviousSecret(at), s.encryptedPreviousSecret(at), at.toString());
    }
    assertEquals(Optional.of("v1:encrypted-first"), s.encryptedPreviousSecret(last));
    assertFalse(s.encryptedPreviousSecret(over).isPresent());
    assertEquals("v1:encrypted-second", s.encryptedWebhookSecret());

    c.replaceWebhookSecret(null, rotated); // the secret removed: no previous one either
    assertFalse(ChannelSnapshot.of(c).encryptedPreviousSecret(rotated).isPresent());
    assertFalse(ChannelSnapshot.of(c).hasWebhookSecret());
  }
}
