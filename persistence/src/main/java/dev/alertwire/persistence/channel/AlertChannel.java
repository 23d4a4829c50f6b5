package dev.alertwire.persistence.channel;

import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.delivery.Backoff;
import dev.alertwire.domain.delivery.RetryPolicy;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A webhook alert channel. Secret values (the webhook secret and locked parameters) are stored encrypted;
 * this entity never decrypts them itself.
 */
@Entity
@Table(name = "alert_channel")
public class AlertChannel {
  public enum SignatureScheme {
    /** x-checkly-signature, whenever a webhook secret is set. */
    CHECKLY,
    /** webhook-id / webhook-timestamp / webhook-signature, with a server-generated whsec_ secret. */
    STANDARD_WEBHOOKS
  }

  public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String url;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private HttpMethod method = HttpMethod.POST;

  @Column(name = "body_template")
  private String bodyTemplate = "";

  @Column(name = "webhook_secret")
  private String encryptedWebhookSecret;

  @Enumerated(EnumType.STRING)
  @Column(name = "signature_scheme", nullable = false)
  private SignatureScheme signatureScheme = SignatureScheme.CHECKLY;

  @Column(nullable = false)
  private boolean activated = true;

  @Column(name = "max_retries", nullable = false)
  private int maxRetries = RetryPolicy.DEFAULT.maxRetries();

  @Column(name = "retry_delay_ms", nullable = false)
  private long retryDelayMs = RetryPolicy.DEFAULT.delay().toMillis();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Backoff backoff = Backoff.FIXED;

  @Column(name = "connect_timeout_ms", nullable = false)
  private int connectTimeoutMs = 5_000;

  @Column(name = "response_timeout_ms", nullable = false)
  private int responseTimeoutMs = 30_000;

  @Column(name = "previous_secret")
  private String encryptedPreviousSecret;

  @Column(name = "secret_rotated_at")
  private Long secretRotatedAt;

  @Column(name = "supersede_older", nullable = false)
  private boolean supersedeOlder = true;

  @Column(name = "rate_limit_per_minute")
  private Integer rateLimitPerMinute;

  @Column(name = "gone_at")
  private Long goneAt;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "channel_parameter", joinColumns = @JoinColumn(name = "channel_id"))
  @OrderColumn(name = "position")
  private List<ChannelParameter> parameters = new ArrayList<>();

  @Embedded private AlertSettings alertSettings = new AlertSettings();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "channel_subscription", joinColumns = @JoinColumn(name = "channel_id"))
  @OrderColumn(name = "position")
  private List<ChannelSubscription> subscriptions = new ArrayList<>();

  protected AlertChannel() {}

  public AlertChannel(String name, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
  }

  public void describeRequest(String url, HttpMethod method, String bodyTemplate, List<ChannelParameter> parameters) {
    this.url = url;
    this.method = method;
    this.bodyTemplate = bodyTemplate;
    this.parameters.clear();
    this.parameters.addAll(parameters);
  }

  public void alertOn(AlertSettings settings) {
    this.alertSettings = settings;
  }

  public AlertSettings alertSettings() {
    return alertSettings;
  }

  public void subscribe(List<ChannelSubscription> subscriptions) {
    this.subscriptions.clear();
    this.subscriptions.addAll(subscriptions);
  }

  /** Adds a subscription to a new check (autoSubscribe). */
  public void subscribeTo(String checkId) {
    this.subscriptions.add(new ChannelSubscription(checkId, null, true));
  }

  public List<ChannelSubscription> subscriptions() {
    return List.copyOf(subscriptions);
  }

  /**
   * The routing rule for this channel (see RoutingTable): activated, and catch-all or subscribed.
   * A label subscription names no check: it matches alerts by their labels only.
   */
  public boolean receivesAlertsOf(String checkId, String groupId) {
    return activated
        && (subscriptions.isEmpty()
            || subscriptions.stream()
                .anyMatch(s -> s.activated() && ((checkId != null && checkId.equals(s.checkId())) || (groupId != null && groupId.equals(s.groupId())))));
  }

  /** No subscription at all: receives every check's alerts. */
  public boolean isCatchAll() {
    return subscriptions.isEmpty();
  }

  public void rename(String name) {
    this.name = name;
  }

  /**
   * Sets a new webhook secret. The previous one stays valid for signing during {@link #ROTATION_OVERLAP}, so
   * receivers can switch without missing a webhook.
   */
  public void replaceWebhookSecret(String encrypted, Instant now) {
    if (encryptedWebhookSecret != null && encrypted != null) {
      this.encryptedPreviousSecret = encryptedWebhookSecret;
      this.secretRotatedAt = now.toEpochMilli();
    } else {
      this.encryptedPreviousSecret = null;
      this.secretRotatedAt = null;
    }
    this.encryptedWebhookSecret = encrypted;
  }

  /** The previous secret while the rotation overlap lasts. */
  public java.util.Optional<String> encryptedPreviousSecret(Instant now) {
    return overlapping(encryptedPreviousSecret, previousSecretUntil().orElse(null), now);
  }

  /** The previous secret, whether or not its overlap is over (for {@link ChannelSnapshot}). */
  java.util.Optional<String> encryptedPreviousSecret() {
    return java.util.Optional.ofNullable(encryptedPreviousSecret);
  }

  /** When the previous secret stops signing: {@link #ROTATION_OVERLAP} after the rotation. */
  java.util.Optional<Instant> previousSecretUntil() {
    return secretRotatedAt == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(secretRotatedAt).plus(ROTATION_OVERLAP));
  }

  static java.util.Optional<String> overlapping(String encryptedPrevious, Instant until, Instant now) {
    return encryptedPrevious != null && until != null && now.isBefore(until) ? java.util.Optional.of(encryptedPrevious) : java.util.Optional.empty();
  }

  /** Raised by every change to the channel, its parameters and subscriptions included. */
  public long version() {
    return version;
  }

  public void supersedeOlder(boolean supersede) {
    this.supersedeOlder = supersede;
  }

  public boolean supersedesOlder() {
    return supersedeOlder;
  }

  public void limitRate(Integer perMinute) {
    this.rateLimitPerMinute = perMinute;
  }

  public java.util.Optional<Integer> rateLimitPerMinute() {
    return java.util.Optional.ofNullable(rateLimitPerMinute);
  }

  public void useSignatureScheme(SignatureScheme scheme) {
    this.signatureScheme = scheme;
  }

  public void retryWith(RetryPolicy policy) {
    this.maxRetries = policy.maxRetries();
    this.retryDelayMs = policy.delay().toMillis();
    this.backoff = policy.backoff();
  }

  public void timeouts(Duration connect, Duration response) {
    this.connectTimeoutMs = (int) connect.toMillis();
    this.responseTimeoutMs = (int) response.toMillis();
  }

  public void activate(boolean activated) {
    this.activated = activated;
  }

  /** The receiver answered 410 Gone: stop retrying and show the channel as flagged until it is edited. */
  public void flagGone(Instant when) {
    this.goneAt = when.toEpochMilli();
  }

  public void clearGoneFlag() {
    this.goneAt = null;
  }

  public void touch(Instant now) {
    this.updatedAt = now.toEpochMilli();
  }

  public RetryPolicy retryPolicy() {
    return new RetryPolicy(maxRetries, Duration.ofMillis(retryDelayMs), backoff, RetryPolicy.DEFAULT.maxDelay());
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String url() {
    return url;
  }

  public HttpMethod method() {
    return method;
  }

  public String bodyTemplate() {
    return bodyTemplate == null ? "" : bodyTemplate;
  }

  public String encryptedWebhookSecret() {
    return encryptedWebhookSecret;
  }

  public boolean hasWebhookSecret() {
    return encryptedWebhookSecret != null;
  }

  public SignatureScheme signatureScheme() {
    return signatureScheme;
  }

  public boolean activated() {
    return activated;
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(connectTimeoutMs);
  }

  public Duration responseTimeout() {
    return Duration.ofMillis(responseTimeoutMs);
  }

  public Instant goneAt() {
    return goneAt == null ? null : Instant.ofEpochMilli(goneAt);
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Instant updatedAt() {
    return Instant.ofEpochMilli(updatedAt);
  }

  public List<ChannelParameter> parameters() {
    return List.copyOf(parameters);
  }

  public List<ChannelParameter> parameters(ChannelParameter.Kind kind) {
    return parameters.stream().filter(p -> p.kind() == kind).toList();
  }
}
