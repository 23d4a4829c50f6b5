package dev.alertwire.delivery.preview;

import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.signing.WebhookSecrets;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import java.util.List;

/**
 * A channel as it is on screen, saved or not. Locked rows without a value and a null webhook secret take the
 * stored values of {@code channelId}, so editing a saved channel previews with its real secrets.
 */
public record ChannelDraft(
    String channelId,
    String url,
    String method,
    List<KeyValue> headers,
    List<KeyValue> queryParameters,
    String template,
    String webhookSecret,
    String signatureScheme) {

  /**
   * Refuses what would make rendering fail before anything is rendered: a Standard Webhooks secret that is
   * not {@code whsec_} and base64 (400 naming webhookSecret, in words that quote no part of it).
   */
  public void validate() {
    boolean standard = signatureScheme != null && signatureScheme.trim().equalsIgnoreCase("STANDARD_WEBHOOKS");
    List<FieldError> errors = WebhookSecrets.checkSignable(webhookSecret, standard);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
