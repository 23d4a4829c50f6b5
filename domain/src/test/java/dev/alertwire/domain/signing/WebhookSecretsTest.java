package dev.alertwire.domain.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {
  @Test
  void aChecklySecretNeedsSixteenCharacters() {
    assertEquals(List.of(FieldError.of("webhookSecret", "must be at least 16 characters")), WebhookSecrets.check("abcd", false));
    assertEquals(List.of(), WebhookSecrets.check("0123456789abcdef", false));
    assertEquals(List.of(), WebhookSecrets.check(null, false), "null keeps the stored secret");
    assertEquals(List.of(), WebhookSecrets.check("", false), "empty removes it");
    assertEquals("must be at most 500 characters", WebhookSecrets.check("x".repeat(501), false).get(0).message());
  }

  @Test
  void aStandardWebhooksSecretIsWhsecAndBase64AndTheMessageQuotesNoPartOfIt() {
    String secret = "sk-live-Zq9-Xy_secret-value-1234";
    List<FieldError> errors = WebhookSecrets.check(secret, true);
    assertEquals(1, errors.size());
    assertEquals("webhookSecret", errors.get(0).field());
    assertTrue(errors.get(0).message().startsWith("must be whsec_ followed by base64"), errors.get(0).message());
    assertEquals(errors, WebhookSecrets.checkSignable(secret, true));
    assertEquals(List.of(), WebhookSecrets.checkSignable(secret, false));
    assertEquals(List.of(), WebhookSecrets.check(StandardWebhookSignature.newSecret(), true));
    assertFalse(WebhookSecrets.check("whsec_not*base64-", true).isEmpty());
  }

  @Test
  void signingWithAMalformedSecretIsRefusedAsTheFieldWithoutTheOffendingCharacter() {
    for (String secret : List.of("my-plain-secret-value", "whsec_abc-def_ghi")) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> StandardWebhookSignature.sign(secret, "id", 1L, "{}".getBytes(StandardCharsets.UTF_8)));
      assertEquals("webhookSecret", e.errors().get(0).field());
      // Base64's own message would be "Illegal base64 character 2d": a character of the secret.
      assertFalse(e.getMessage().contains("2d") || e.getMessage().contains("Illegal"), e.getMessage());
      assertFalse(e.getMessage().contains("abc") || e.getMessage().contains("plain"), e.getMessage());
    }
  }
}
