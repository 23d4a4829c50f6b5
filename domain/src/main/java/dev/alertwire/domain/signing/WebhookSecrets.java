package dev.alertwire.domain.signing;

import dev.alertwire.domain.validation.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * What a webhook secret must be, checked where a channel is saved and where a draft is previewed or
 * test-sent. Messages never quote any part of the secret.
 */
public final class WebhookSecrets {
  public static final String FIELD = "webhookSecret";
  /** A CHECKLY-scheme secret is an HMAC key typed by a person: at least this long. */
  public static final int MIN_CHECKLY_LENGTH = 16;
  public static final int MAX_LENGTH = 500;
  public static final String STANDARD_FORMAT =
      "must be whsec_ followed by base64 of at least 16 bytes; leave it empty to have one generated";

  private WebhookSecrets() {}

  /**
   * @param secret null or empty: nothing to check (keep or remove the stored secret)
   * @param standardWebhooks the STANDARD_WEBHOOKS scheme, else CHECKLY
   */
  public static List<FieldError> check(String secret, boolean standardWebhooks) {
    List<FieldError> errors = new ArrayList<>();
    if (secret == null || secret.isEmpty()) {
      return errors;
    }
    if (secret.length() > MAX_LENGTH) {
      errors.add(FieldError.of(FIELD, "must be at most " + MAX_LENGTH + " characters"));
    } else if (standardWebhooks) {
      if (!StandardWebhookSignature.isValidSecret(secret)) {
        errors.add(FieldError.of(FIELD, STANDARD_FORMAT));
      }
    } else if (secret.length() < MIN_CHECKLY_LENGTH) {
      errors.add(FieldError.of(FIELD, "must be at least " + MIN_CHECKLY_LENGTH + " characters"));
    }
    return errors;
  }

  /** Only what would make signing fail: a Standard Webhooks secret that is not whsec_ and base64. */
  public static List<FieldError> checkSignable(String secret, boolean standardWebhooks) {
    if (standardWebhooks && secret != null && !secret.isEmpty() && !StandardWebhookSignature.isValidSecret(secret)) {
      return List.of(FieldError.of(FIELD, STANDARD_FORMAT));
    }
    return List.of();
  }
}
