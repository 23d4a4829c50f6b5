package dev.alertwire.delivery.transfer;

import dev.alertwire.delivery.channel.ChannelInput;
import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the hosted product's public API returns, read into what Alertwire would create: {@code
 * {"alertChannels": [...], "variables": [...]}}, each array as {@code GET /v1/alert-channels} and {@code GET
 * /v1/variables} answer it (or wrapped as {@code {"data": [...]}}, as some of its documentation shows). Only
 * the shape is checked here (a wrong type is refused naming the field); whether Alertwire accepts a channel
 * is for {@code ChannelAdministration} to say.
 *
 * <p>A value the export hides becomes a {@link Hidden} secret that needs a value before the import: a secret
 * variable (its value never leaves the hosted product), a value masked as {@code ***masked***} (or only
 * asterisks), and a locked header or query parameter without a value. What the export does not say stays
 * null, so Alertwire's own defaults for a new channel apply.
 */
public final class ChecklyExport {
  public static final String MASKED = "***masked***";

  /** The one channel type Alertwire can take: the others (EMAIL, SLACK, SMS, ...) are skipped. */
  public static final String WEBHOOK = "WEBHOOK";

  private ChecklyExport() {}

  /**
   * A value the export hides. {@code ref} is how a caller gives its value ({@code secretValues[ref]});
   * {@code field} is the field of the channel input it fills ({@code webhookSecret}, {@code headers[1].value}),
   * or {@code value} for a variable.
   */
  public record Hidden(String ref, String kind, String owner, String name, String field) {}

  /** One entry of {@code alertChannels}; {@code draft} is null for a type other than WEBHOOK. */
  public record Channel(
      int index, String type, String name, String webhookType, ChannelInput draft, List<Hidden> hidden, int subscriptions) {

    public boolean webhook() {
      return draft != null;
    }

    /** The draft with each hidden value filled in by {@code valueOf}. */
    public ChannelInput filled(Function<Hidden, String> valueOf) {
      String secret = draft.webhookSecret();
      List<KeyValue> headers = new ArrayList<>(draft.headers());
      List<KeyValue> query = new ArrayList<>(draft.queryParameters());
      for (Hidden h : hidden) {
        String value = valueOf.apply(h);
        if (h.field().equals("webhookSecret")) {
          secret = value;
        } else {
          List<KeyValue> rows = h.field().startsWith("headers") ? headers : query;
          int i = Integer.parseInt(h.field().substring(h.field().indexOf('[') + 1, h.field().indexOf(']')));
          rows.set(i, new KeyValue(rows.get(i).key(), value, true));
        }
      }
      return new ChannelInput(
          draft.name(), draft.url(), draft.method(), headers, query, draft.template(), secret, draft.signatureScheme(),
          draft.activated(), draft.maxRetries(), draft.retryDelayMs(), draft.backoff(), draft.connectTimeoutMs(),
          draft.responseTimeoutMs(), draft.supersedeOlder(), draft.rateLimitPerMinute(), draft.rotateWebhookSecret(),
          draft.subscriptions(), draft.alertSettings());
    }
  }

  /**
   * One entry of {@code variables}. {@code secret}: the hosted product's secret or locked variables, and any
   * masked value, become Alertwire secrets (write-only); {@code hidden} is set when the value must be given.
   */
  public record Variable(int index, String key, String value, boolean secret, Hidden hidden) {}

  /** {@code secretValues}: values for hidden secrets sent along with the export, by ref. */
  public record Document(List<Channel> channels, List<Variable> variables, Map<String, String> secretValues) {}

  public static Document read(String text) {
    JsonObject root = JsonBodies.object(text);
    if (!root.containsKey("alertChannels") && !root.containsKey("variables")) {
      throw new InvalidInputException("body", "holds neither alertChannels nor variables: paste {\"alertChannels\": [...], \"variables\": [...]}");
    }
    List<FieldError> errors = new ArrayList<>();
    List<Channel> channels = new ArrayList<>();
    List<JsonObject> channelItems = items(root, "alertChannels");
    for (int i = 0; i < channelItems.size(); i++) {
      String at = "alertChannels[" + i + "]";
      try {
        channels.add(channel(i, channelItems.get(i), at));
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      }
    }
    List<Variable> variables = new ArrayList<>();
    List<JsonObject> variableItems = items(root, "variables");
    for (int i = 0; i < variableItems.size(); i++) {
      try {
        variables.add(variable(i, variableItems.get(i), "variables[" + i + "]"));
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      }
    }
    Map<String, String> secretValues = secretValues(root, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Document(channels, variables, secretValues);
  }

  /** True for what the hosted product sends instead of a value it hides. */
  public static boolean masked(String value) {
    return value != null && (value.contains(MASKED) || value.matches("\\*{3,}"));
  }

  private static Channel channel(int index, JsonObject o, String at) {
    String type = within(at, () -> JsonBodies.string(o, "type"));
    if (type == null || type.isBlank()) {
      throw new InvalidInputException(at + ".type", "is required (WEBHOOK, EMAIL, SLACK, ...)");
    }
    type = type.trim().toUpperCase(Locale.ROOT);
    JsonValue configValue = o.get("config");
    JsonObject config = configValue instanceof JsonObject c ? c : null;
    String name = config == null ? null : within(at + ".config", () -> JsonBodies.string(config, "name"));
    if (name == null || name.isBlank()) {
      name = within(at, () -> JsonBodies.string(o, "name"));
    }
    int subscriptions = o.get("subscriptions") instanceof JsonArray a ? a.size() : 0;
    if (!WEBHOOK.equals(type)) {
      String shown = name == null || name.isBlank() ? type.toLowerCase(Locale.ROOT) + " channel " + o.getOrDefault("id", JsonValue.NULL) : name;
      return new Channel(index, type, shown, null, null, List.of(), subscriptions);
    }
    if (config == null) {
      throw new InvalidInputException(at + ".config", "is required for a WEBHOOK channel: an object with name, url, method, ...");
    }
    String where = at + ".config";
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(where + ".name", "is required");
    }
    String url = within(where, () -> JsonBodies.string(config, "url"));
    if (url == null || url.isBlank()) {
      throw new InvalidInputException(where + ".url", "is required");
    }
    String channelName = name.trim();
    List<Hidden> hidden = new ArrayList<>();
    List<KeyValue> headers = rows(config, "headers", where, channelName, hidden);
    List<KeyValue> query = rows(config, "queryParameters", where, channelName, hidden);
    String secret = within(where, () -> JsonBodies.string(config, "webhookSecret"));
    if (masked(secret)) {
      hidden.add(new Hidden("alertChannels." + channelName + ".webhookSecret", "webhook secret", channelName, "webhookSecret", "webhookSecret"));
      secret = null;
    } else if (secret != null && secret.isEmpty()) {
      secret = null; // the hosted product's default: no secret
    }
    String webhookSecret = secret;
    ChannelInput.AlertSettingsInput settings =
        within(at, () -> new ChannelInput.AlertSettingsInput(
            JsonBodies.bool(o, "sendFailure"), JsonBodies.bool(o, "sendRecovery"), JsonBodies.bool(o, "sendDegraded"),
            JsonBodies.bool(o, "sslExpiry"), JsonBodies.integer(o, "sslExpiryThreshold"), JsonBodies.bool(o, "autoSubscribe")));
    ChannelInput draft =
        within(where, () -> new ChannelInput(
            channelName, url, JsonBodies.string(config, "method"), headers, query, JsonBodies.string(config, "template"),
            webhookSecret, null, null, null, null, null, null, null, null, null, null, null, settings));
    String webhookType = within(where, () -> JsonBodies.string(config, "webhookType"));
    return new Channel(index, type, channelName, webhookType, draft, List.copyOf(hidden), subscriptions);
  }

  /** Headers or query parameters; a masked value, or a locked one the export left empty, is hidden. */
  private static List<KeyValue> rows(JsonObject config, String field, String where, String channel, List<Hidden> hidden) {
    List<KeyValue> rows = within(where, () -> JsonBodies.keyValues(config, field));
    if (rows == null) {
      return List.of();
    }
    List<KeyValue> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      KeyValue row = rows.get(i);
      if (masked(row.value()) || (row.locked() && row.value().isEmpty())) {
        String kind = field.equals("headers") ? "header" : "query parameter";
        hidden.add(new Hidden("alertChannels." + channel + "." + field + "." + row.key(), kind, channel, row.key(), field + "[" + i + "].value"));
        result.add(new KeyValue(row.key(), "", true));
      } else {
        result.add(row);
      }
    }
    return result;
  }

  private static Variable variable(int index, JsonObject o, String at) {
    String key = within(at, () -> JsonBodies.string(o, "key"));
    if (key == null || key.isBlank()) {
      throw new InvalidInputException(at + ".key", "is required");
    }
    String value = within(at, () -> JsonBodies.string(o, "value"));
    boolean secret = Boolean.TRUE.equals(within(at, () -> JsonBodies.bool(o, "secret")));
    boolean locked = Boolean.TRUE.equals(within(at, () -> JsonBodies.bool(o, "locked")));
    boolean isSecret = secret || locked || masked(value);
    if (isSecret && (value == null || value.isEmpty() || masked(value))) {
      return new Variable(index, key, null, true, new Hidden("variables." + key, "variable", "environment", key, "value"));
    }
    return new Variable(index, key, value == null ? "" : value, isSecret, null);
  }

  private static Map<String, String> secretValues(JsonObject root, List<FieldError> errors) {
    JsonValue v = root.get("secretValues");
    Map<String, String> values = new LinkedHashMap<>();
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return values;
    }
    if (!(v instanceof JsonObject o)) {
      errors.add(FieldError.of("secretValues", "must be an object of {\"ref\": \"value\"}"));
      return values;
    }
    o.forEach((ref, value) -> {
      if (value instanceof JsonString s) {
        values.put(ref, s.getString());
      } else {
        errors.add(FieldError.of("secretValues." + ref, "must be a string"));
      }
    });
    return values;
  }

  /** The array under {@code field}, or its {@code data} array; missing is empty. */
  private static List<JsonObject> items(JsonObject root, String field) {
    JsonValue v = root.get(field);
    if (v instanceof JsonObject wrapped && wrapped.containsKey("data")) {
      return within(field, () -> JsonBodies.objects(wrapped, "data")).orElse(List.of());
    }
    return JsonBodies.objects(root, field).orElse(List.of());
  }

  private interface Read<T> {
    T get();
  }

  /** Runs a read whose errors name a bare field, and names it from the document's root instead. */
  private static <T> T within(String at, Read<T> read) {
    try {
      return read.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.errors().stream().map(f -> new FieldError(at + "." + f.field(), f.message(), f.line(), f.column())).toList());
    }
  }
}
