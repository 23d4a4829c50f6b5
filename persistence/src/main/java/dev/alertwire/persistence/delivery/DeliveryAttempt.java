package dev.alertwire.persistence.delivery;

import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.persistence.TimeOrderedId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** One HTTP attempt of a delivery, as sent (secrets already redacted) and as answered. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {
  @Id private String id;

  @Column(name = "delivery_id", nullable = false)
  private String deliveryId;

  @Column(name = "channel_id")
  private String channelId;

  @Column(name = "attempt_number", nullable = false)
  private int number;

  @Column(name = "started_at", nullable = false)
  private long startedAt;

  @Column(name = "duration_ms", nullable = false)
  private long durationMs;

  @Column(name = "request_method")
  private String requestMethod;

  @Column(name = "request_url")
  private String requestUrl;

  @Column(name = "request_headers")
  private String requestHeadersJson;

  @Column(name = "request_body")
  private String requestBody;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_headers")
  private String responseHeadersJson;

  @Column(name = "response_body")
  private String responseBody;

  @Enumerated(EnumType.STRING)
  @Column(name = "error_class")
  private ErrorClass errorClass;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "next_attempt_at")
  private Long nextAttemptAt;

  protected DeliveryAttempt() {}

  /** The record as it will be stored; every text field must already be redacted by the caller. */
  public record Details(
      int number,
      Instant startedAt,
      long durationMs,
      String requestMethod,
      String requestUrl,
      String requestHeadersJson,
      String requestBody,
      Integer responseStatus,
      String responseHeadersJson,
      String responseBody,
      ErrorClass errorClass,
      String errorMessage,
      Instant nextAttemptAt) {}

  public DeliveryAttempt(String deliveryId, String channelId, Details d) {
    this.id = TimeOrderedId.at(d.startedAt());
    this.deliveryId = deliveryId;
    this.channelId = channelId;
    this.number = d.number();
    this.startedAt = d.startedAt().toEpochMilli();
    this.durationMs = d.durationMs();
    this.requestMethod = d.requestMethod();
    this.requestUrl = fit(d.requestUrl(), URL_CAPACITY);
    this.requestHeadersJson =
        fitJson(d.requestHeadersJson(), "[{\"name\": \"x-alertwire-note\", \"value\": \"%s\"}]", "request headers");
    this.requestBody = fit(d.requestBody(), TEXT_CAPACITY);
    this.responseStatus = d.responseStatus();
    this.responseHeadersJson =
        fitJson(d.responseHeadersJson(), "{\"x-alertwire-note\": [\"%s\"]}", "response headers");
    this.responseBody = fit(d.responseBody(), TEXT_CAPACITY);
    this.errorClass = d.errorClass();
    this.errorMessage =
        d.errorMessage() == null || d.errorMessage().length() <= 4000 ? d.errorMessage() : d.errorMessage().substring(0, 4000);
    this.nextAttemptAt = d.nextAttemptAt() == null ? null : d.nextAttemptAt().toEpochMilli();
  }

  /** Capacity of the request_url column. */
  static final int URL_CAPACITY = 8000;
  /** Capacity of the request and response body and header columns. */
  static final int TEXT_CAPACITY = 1_000_000;

  /**
   * What was sent must be recorded even when it is larger than its column: a record that cannot be written
   * would leave the delivery unrecorded and send it again each time its lease expires. The stored text keeps
   * the start and says how long the whole was.
   */
  static String fit(String text, int capacity) {
    if (text == null || text.length() <= capacity) {
      return text;
    }
    String note = "\n[truncated by Alertwire: " + text.length() + " characters in all]";
    int cut = capacity - note.length();
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + note;
  }

  /** JSON cannot be cut anywhere: over capacity, a valid placeholder says how long it was. */
  private static String fitJson(String json, String placeholder, String what) {
    if (json == null || json.length() <= TEXT_CAPACITY) {
      return json;
    }
    return String.format(placeholder, "the " + what + " took " + json.length() + " characters, more than can be stored");
  }

  /**
   * Passes every stored text through {@code redact}: for a value that became a secret after attempts that
   * carried it were recorded. JSON columns stay JSON, as a secret's JSON-escaped form is replaced whole.
   *
   * @return whether anything changed
   */
  public boolean redact(UnaryOperator<String> redact) {
    String[] before = {requestUrl, requestHeadersJson, requestBody, responseHeadersJson, responseBody, errorMessage};
    requestUrl = apply(redact, requestUrl);
    requestHeadersJson = apply(redact, requestHeadersJson);
    requestBody = apply(redact, requestBody);
    responseHeadersJson = apply(redact, responseHeadersJson);
    responseBody = apply(redact, responseBody);
    errorMessage = apply(redact, errorMessage);
    String[] after = {requestUrl, requestHeadersJson, requestBody, responseHeadersJson, responseBody, errorMessage};
    return !java.util.Arrays.equals(before, after);
  }

  private static String apply(UnaryOperator<String> redact, String text) {
    return text == null ? null : redact.apply(text);
  }

  public Details details() {
    return new Details(
        number,
        Instant.ofEpochMilli(startedAt),
        durationMs,
        requestMethod,
        requestUrl,
        requestHeadersJson,
        requestBody,
        responseStatus,
        responseHeadersJson,
        responseBody,
        errorClass,
        errorMessage,
        nextAttemptAt == null ? null : Instant.ofEpochMilli(nextAttemptAt));
  }

  public String id() {
    return id;
  }

  public String deliveryId() {
    return deliveryId;
  }

  public String channelId() {
    return channelId;
  }
}
