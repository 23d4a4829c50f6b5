package dev.alertwire.delivery.preview;

import dev.alertwire.domain.channel.KeyValue;
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
    String signatureScheme) {}
