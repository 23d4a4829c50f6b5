package dev.alertwire.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
  private final SecretRedactor redactor =
      new SecretRedactor(new LinkedHashMap<>(Map.of("k3y with spaces&more", "{{API_KEY}}", "hunter2hunter2", "********")));

  @Test
  void replacesSecretsInsideLongerText() {
    assertEquals("Authorization: GenieKey {{API_KEY}}!", redactor.redact("Authorization: GenieKey k3y with spaces&more!"));
  }

  @Test
  void replacesUrlEncodedAndHtmlEscapedForms() {
    assertEquals("https://x/?key={{API_KEY}}", redactor.redact("https://x/?key=k3y%20with%20spaces%26more"));
    assertEquals("https://x/?key={{API_KEY}}", redactor.redact("https://x/?key=k3y+with+spaces%26more"));
    assertEquals("{\"k\":\"{{API_KEY}}\"}", redactor.redact("{\"k\":\"k3y with spaces&amp;more\"}"));
    // {{KEY}} in a URL: HTML-escaped by the template, then its spaces encoded on the way into the URL
    assertEquals("https://x/?k={{API_KEY}}", redactor.redact("https://x/?k=k3y%20with%20spaces&amp;more"));
    assertEquals("https://x/?k={{API_KEY}}", redactor.redact("https://x/?k=k3y%20with%20spaces%26amp%3Bmore"));
  }

  @Test
  void basicCredentialsAreDecodedBeforeRedaction() {
    String basic = "Basic " + Base64.getEncoder().encodeToString("user:hunter2hunter2".getBytes(StandardCharsets.UTF_8));
    String shown = redactor.redactHeader("Authorization", basic);
    assertFalse(shown.contains(basic.substring(6)));
    assertEquals("Basic <base64 of user:********>", shown);
  }

  @Test
  void leavesShortValuesAloneSoTheRecordStaysReadable() {
    SecretRedactor tiny = new SecretRedactor(Map.of("1", "{{ONE}}"));
    assertEquals("status 1", tiny.redact("status 1"));
  }

  @Test
  void findsJsonEscapedCopiesInAnEcho() {
    SecretRedactor r = new SecretRedactor(Map.of("pa\"ss/wörd\\x", "{{PW}}"));
    assertEquals("{\"echo\":\"{{PW}}\"}", r.redact("{\"echo\":\"pa\\\"ss/wörd\\\\x\"}"));
    assertEquals("{\"echo\":\"{{PW}}\"}", r.redact("{\"echo\":\"pa\\\"ss\\/w\\u00f6rd\\\\x\"}"));
    assertEquals("{\"echo\":\"{{PW}}\"}", r.redact("{\"echo\":\"pa\\\"ss\\/w\\u00F6rd\\\\x\"}"));
  }

  @Test
  void findsTheBasicCredentialsThatWereSentWhereTheSecretsOwnBase64DoesNotAppear() {
    String basic = "Basic " + Base64.getEncoder().encodeToString("svcuser:hunter2hunter2".getBytes(StandardCharsets.UTF_8));
    String echo = "{\"headers\":{\"authorization\":\"" + basic + "\"}}";
    // base64 of the secret alone is not a substring of base64("svcuser:" + secret): the alignment differs.
    assertEquals(echo, redactor.redact(echo));
    SecretRedactor knowing = redactor.withSentHeaders(List.of(new dev.alertwire.domain.request.Header("Authorization", basic)));
    String shown = knowing.redact(echo);
    assertFalse(shown.contains(basic.substring(6)), shown);
    assertTrue(shown.contains("<Authorization as sent>"), shown);
  }

  @Test
  void aSecretCutAtTheEndOfATextIsRedactedToo() {
    String cut = "...{\"token\":\"hunter2hu";
    assertEquals(cut, redactor.redact(cut));
    assertEquals("...{\"token\":\"******** (cut)", redactor.redactCut(cut));
    assertEquals("ends with hun", redactor.redactCut("ends with hun"), "three characters are too few to tell");
  }
}
