package dev.alertwire.web.api;

import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelParameter;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A channel as the API shows it: secret values are never included, only whether they are set. */
final class ChannelJson {
  private ChannelJson() {}

  /** After a save: includes a server-generated webhook secret, the only time it is ever shown. */
  static JsonObject of(dev.alertwire.delivery.channel.ChannelAdministration.Saved saved) {
    JsonObject channel = of(saved.channel());
    if (saved.generatedSecret() == null) {
      return channel;
    }
    return Json.createObjectBuilder(channel).add("generatedWebhookSecret", saved.generatedSecret()).build();
  }

  static JsonObject of(AlertChannel c) {
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("id", c.id())
            .add("name", c.name())
            .add("type", "WEBHOOK")
            .add("url", c.url())
            .add("method", c.method().name())
            .add("headers", rows(c, ChannelParameter.Kind.HEADER))
            .add("queryParameters", rows(c, ChannelParameter.Kind.QUERY))
            .add("template", c.bodyTemplate())
            .add("webhookSecretSet", c.hasWebhookSecret())
            .add("signatureScheme", c.signatureScheme().name())
            .add("activated", c.activated())
            .add("maxRetries", c.retryPolicy().maxRetries())
            .add("retryDelayMs", c.retryPolicy().delay().toMillis())
            .add("backoff", c.retryPolicy().backoff().name())
            .add("connectTimeoutMs", c.connectTimeout().toMillis())
            .add("responseTimeoutMs", c.responseTimeout().toMillis())
            .add("supersedeOlder", c.supersedesOlder())
            .add("sendFailure", c.alertSettings().sendFailure())
            .add("sendRecovery", c.alertSettings().sendRecovery())
            .add("sendDegraded", c.alertSettings().sendDegraded())
            .add("sslExpiry", c.alertSettings().sslExpiry())
            .add("sslExpiryThreshold", c.alertSettings().sslExpiryThreshold())
            .add("autoSubscribe", c.alertSettings().autoSubscribe())
            .add("subscriptions", subscriptions(c))
            .add("flagged", c.goneAt() != null)
            .add("created", c.createdAt().toString())
            .add("updated", c.updatedAt().toString());
    c.rateLimitPerMinute().ifPresentOrElse(n -> o.add("rateLimitPerMinute", n), () -> o.addNull("rateLimitPerMinute"));
    if (c.goneAt() != null) {
      o.add("flaggedReason", "The receiver answered 410 Gone at " + c.goneAt() + "; saving the channel clears the flag");
    }
    return o.build();
  }

  private static JsonArrayBuilder subscriptions(AlertChannel c) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (var s : c.subscriptions()) {
      JsonObjectBuilder o = Json.createObjectBuilder();
      if (s.checkId() != null) {
        o.add("checkId", s.checkId());
      }
      if (s.groupId() != null) {
        o.add("groupId", s.groupId());
      }
      if (s.label() != null) {
        o.add("label", s.label());
      }
      array.add(o.add("activated", s.activated()));
    }
    return array;
  }

  private static JsonArrayBuilder rows(AlertChannel c, ChannelParameter.Kind kind) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (ChannelParameter p : c.parameters(kind)) {
      JsonObjectBuilder row = Json.createObjectBuilder().add("key", p.name()).add("locked", p.locked());
      if (p.locked()) {
        row.addNull("value");
      } else {
        row.add("value", p.value());
      }
      array.add(row);
    }
    return array;
  }
}
