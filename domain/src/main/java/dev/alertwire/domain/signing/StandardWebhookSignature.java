package dev.alertwire.domain.signing;

import dev.alertwire.domain.validation.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Standard Webhooks: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with
 * the base64-decoded part of a {@code whsec_} secret.
 */
public final class StandardWebhookSignature {
  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";
  private static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private StandardWebhookSignature() {}

  public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.writeBytes((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
    signed.writeBytes(body);
    return "v1," + Base64.getEncoder().encodeToString(HmacSha256.digest(keyOf(secret), signed.toByteArray()));
  }

  /** A new server-generated secret: 24 random bytes, as Standard Webhooks libraries generate them. */
  public static String newSecret() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  public static boolean isValidSecret(String secret) {
    try {
      return secret != null && secret.startsWith(PREFIX) && keyOf(secret).length >= 16;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /**
   * The key of a whsec_ secret. A malformed secret is refused as the webhookSecret field, in words that quote
   * no part of it (the decoder's own message names the offending character).
   */
  private static byte[] keyOf(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw new InvalidInputException(WebhookSecrets.FIELD, WebhookSecrets.STANDARD_FORMAT);
    }
    try {
      return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(WebhookSecrets.FIELD, WebhookSecrets.STANDARD_FORMAT);
    }
  }
}
