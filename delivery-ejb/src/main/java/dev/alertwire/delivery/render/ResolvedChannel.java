package dev.alertwire.delivery.render;

import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.persistence.channel.AlertChannel.SignatureScheme;
import java.util.List;

/**
 * A channel with its secrets decrypted, ready to render: either a stored channel or an unsaved draft (preview
 * and test-send). Lives only for the duration of one rendering. {@code previousSecret} is set while a
 * rotated Standard Webhooks secret still signs alongside the new one.
 */
public record ResolvedChannel(
    WebhookTemplate template,
    List<String> lockedValues,
    String webhookSecret,
    String previousSecret,
    SignatureScheme scheme) {
  public ResolvedChannel {
    lockedValues = List.copyOf(lockedValues);
  }
}
