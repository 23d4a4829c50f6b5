package dev.alertwire.persistence.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An attempt is recorded whatever its size: an unrecordable attempt would be sent again and again. */
class DeliveryAttemptTest {
  private static DeliveryAttempt.Details details(String url, String headers, String body, String responseHeaders, String responseBody) {
    return new DeliveryAttempt.Details(1, Instant.parse("2026-06-15T12:00:00Z"), 12, "POST", url, headers, body, 200,
        responseHeaders, responseBody, null, null, null);
  }

  @Test
  void aBodyOverTheColumnIsStoredTruncatedWithItsLength() {
    String body = "{\"t\": \"" + "t000001".repeat(240_000) + "\"}";   // 1.68 million characters, as the bad-input run sent
    DeliveryAttempt.Details stored = new DeliveryAttempt("d", "c", details("http://r/", "[]", body, null, "ok")).details();
    assertEquals(DeliveryAttempt.TEXT_CAPACITY, stored.requestBody().length());
    assertTrue(body.startsWith(stored.requestBody().substring(0, 1000)));
    assertTrue(stored.requestBody().endsWith("[truncated by Alertwire: " + body.length() + " characters in all]"), stored.requestBody().substring(999_900));
  }

  @Test
  void theUrlFitsItsColumn() {
    String url = "http://r/?q=" + "x".repeat(20_000);
    DeliveryAttempt.Details stored = new DeliveryAttempt("d", "c", details(url, "[]", "", null, null)).details();
    assertEquals(DeliveryAttempt.URL_CAPACITY, stored.requestUrl().length());
  }

  @Test
  void headersOverTheColumnBecomeAValidNote() {
    String headers = "[{\"name\": \"X-Big\", \"value\": \"" + "v".repeat(1_100_000) + "\"}]";
    String responseHeaders = "{\"x-big\": [\"" + "v".repeat(1_100_000) + "\"]}";
    DeliveryAttempt.Details stored = new DeliveryAttempt("d", "c", details("http://r/", headers, "", responseHeaders, "")).details();
    assertTrue(stored.requestHeadersJson().startsWith("[{\"name\": \"x-alertwire-note\""), stored.requestHeadersJson());
    assertTrue(stored.requestHeadersJson().contains("took " + headers.length() + " characters"));
    assertTrue(stored.responseHeadersJson().startsWith("{\"x-alertwire-note\": [\""), stored.responseHeadersJson());
  }

  @Test
  void aSurrogatePairIsNeverCutInHalf() {
    String body = "a".repeat(DeliveryAttempt.TEXT_CAPACITY - 60) + "🚨".repeat(100);
    String stored = DeliveryAttempt.fit(body, DeliveryAttempt.TEXT_CAPACITY);
    int noteAt = stored.indexOf("\n[truncated");
    assertTrue(!Character.isHighSurrogate(stored.charAt(noteAt - 1)));
    assertTrue(stored.length() <= DeliveryAttempt.TEXT_CAPACITY);
  }

  @Test
  void smallRecordsAreKeptVerbatim() {
    DeliveryAttempt.Details stored = new DeliveryAttempt("d", "c", details("http://r/", "[]", "{}", "{}", "ok")).details();
    assertEquals("{}", stored.requestBody());
    assertEquals("http://r/", stored.requestUrl());
  }
}
