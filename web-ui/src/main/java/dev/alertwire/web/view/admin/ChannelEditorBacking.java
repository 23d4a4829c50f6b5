package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.channel.ChannelAdministration;
import dev.alertwire.delivery.channel.ChannelInput;
import dev.alertwire.delivery.console.ConsoleChannels;
import dev.alertwire.delivery.console.ConsoleVariables;
import dev.alertwire.delivery.console.PresetCatalog;
import dev.alertwire.delivery.preview.Busy;
import dev.alertwire.delivery.preview.ChannelDraft;
import dev.alertwire.delivery.preview.TemplatePreview;
import dev.alertwire.delivery.preview.TestSend;
import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.delivery.Backoff;
import dev.alertwire.domain.event.EventVariable;
import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.preset.Preset;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.channel.AlertChannel;
import dev.alertwire.persistence.channel.ChannelParameter;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel editor: the draft lives in this view until saved; preview and test-send use the draft as it is
 * on screen. Secret values (webhook secret, locked rows) are write-only: only what the user typed in this
 * view is held, and no getter hands a stored one to the page.
 */
@Named
@ViewScoped
public class ChannelEditorBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The variables panel, read once per view: its getters run on every render of the form. */
  private List<ConsoleVariables.Shown> environmentVariables;

  private List<ConsoleVariables.GroupVariables> groupVariables;
  private static final Pattern ROW_FIELD = Pattern.compile("(headers|queryParameters)\\[(\\d+)]\\.(key|value)");

  @Inject Access access;
  @Inject ConsoleChannels channels;
  @Inject ConsoleVariables variables;
  @Inject TemplatePreview preview;
  @Inject TestSend testSend;
  @Inject PresetCatalog presets;

  private String id;
  private String name = "";
  private String method = "POST";
  private String url = "";
  private List<ParameterRow> headers = new ArrayList<>();
  private List<ParameterRow> queryParameters = new ArrayList<>();
  private String body = "";
  private String webhookSecret = "";
  private boolean webhookSecretStored;
  private boolean removeWebhookSecret;
  private String signatureScheme = AlertChannel.SignatureScheme.CHECKLY.name();
  private boolean activated = true;
  private Integer maxRetries = 5;
  private Integer retryDelaySeconds = 20;
  private String backoff = Backoff.FIXED.name();
  private boolean sendFailure = true;
  private boolean sendRecovery = true;
  private boolean sendDegraded = false;
  private boolean sslExpiry = false;
  private Integer sslExpiryThreshold = 30;
  private List<String> subscribedChecks = new ArrayList<>();
  private List<String> subscribedGroups = new ArrayList<>();
  /** Label subscriptions, one name=value a line. */
  private String subscribedLabels = "";
  private Integer connectTimeoutSeconds = 5;
  private Integer responseTimeoutSeconds = 30;
  private boolean supersedeOlder;
  private Integer rateLimitPerMinute = 0;
  private String presetId;
  private String sampleKind = SampleEvents.Kind.ALERT_FAILURE.name();
  private TemplatePreview.Result previewResult;
  private TestSend.Result testResult;
  private boolean loaded;

  /** f:viewAction: load the channel once per view (ajax postbacks keep the draft). */
  public String load() {
    if (loaded) {
      return null;
    }
    loaded = true;
    if (id != null && !id.isBlank()) {
      AlertChannel channel = channels.find(id).orElse(null);
      if (channel == null) {
        FieldMessages.flash("That channel no longer exists.");
        return "/admin/channels?faces-redirect=true";
      }
      fillFrom(channel);
    } else {
      startNew();
    }
    refreshPreview();
    return null;
  }

  /**
   * A new channel's form starts from a new channel's settings, the ones the API and the import give a
   * channel whose fields they leave out: the defaults live in one place, {@link AlertChannel}.
   */
  void startNew() {
    id = null;
    fillFrom(new AlertChannel("", java.time.Instant.EPOCH));
    name = null;
    headers.add(ParameterRow.of(KeyValue.plain("Content-Type", "application/json")));
  }

  private void fillFrom(AlertChannel c) {
    name = c.name();
    method = c.method().name();
    url = c.url();
    body = c.bodyTemplate();
    headers = rows(c.parameters(ChannelParameter.Kind.HEADER));
    queryParameters = rows(c.parameters(ChannelParameter.Kind.QUERY));
    webhookSecretStored = c.hasWebhookSecret();
    signatureScheme = c.signatureScheme().name();
    activated = c.activated();
    maxRetries = c.retryPolicy().maxRetries();
    retryDelaySeconds = (int) c.retryPolicy().delay().toSeconds();
    backoff = c.retryPolicy().backoff().name();
    sendFailure = c.alertSettings().sendFailure();
    sendRecovery = c.alertSettings().sendRecovery();
    sendDegraded = c.alertSettings().sendDegraded();
    sslExpiry = c.alertSettings().sslExpiry();
    sslExpiryThreshold = c.alertSettings().sslExpiryThreshold();
    subscribedChecks = new ArrayList<>(c.subscriptions().stream().filter(s -> s.checkId() != null).map(s -> s.checkId()).toList());
    subscribedGroups = new ArrayList<>(c.subscriptions().stream().filter(s -> s.groupId() != null).map(s -> s.groupId()).toList());
    subscribedLabels = String.join("\n", c.subscriptions().stream().filter(s -> s.label() != null).map(s -> s.label()).toList());
    connectTimeoutSeconds = (int) c.connectTimeout().toSeconds();
    responseTimeoutSeconds = (int) c.responseTimeout().toSeconds();
    supersedeOlder = c.supersedesOlder();
    rateLimitPerMinute = c.rateLimitPerMinute().orElse(0);
  }

  private static List<ParameterRow> rows(List<ChannelParameter> parameters) {
    List<ParameterRow> rows = new ArrayList<>();
    for (ChannelParameter p : parameters) {
      rows.add(p.locked() ? ParameterRow.storedSecret(p.name()) : ParameterRow.of(new KeyValue(p.name(), p.value(), false)));
    }
    return rows;
  }

  public String save() {
    ChannelInput input =
        new ChannelInput(
            name,
            url,
            method,
            keyValues(headers),
            keyValues(queryParameters),
            body,
            webhookSecretInput(),
            signatureScheme,
            activated,
            maxRetries,
            retryDelaySeconds == null ? null : retryDelaySeconds * 1000L,
            backoff,
            connectTimeoutSeconds == null ? null : connectTimeoutSeconds * 1000,
            responseTimeoutSeconds == null ? null : responseTimeoutSeconds * 1000,
            supersedeOlder,
            rateLimitPerMinute,
            null,
            subscriptions(),
            new ChannelInput.AlertSettingsInput(sendFailure, sendRecovery, sendDegraded, sslExpiry, sslExpiryThreshold, null));
    try {
      access.requireAdmin();
      ChannelAdministration.Saved saved = id == null ? channels.create(input) : channels.update(id, input);
      FieldMessages.flash("Saved \"" + saved.channel().name() + "\".");
      if (saved.generatedSecret() != null) {
        // The Standard Webhooks secret is generated by the server and shown this once, for the receiver.
        FieldMessages.info("Your receiver's signing secret (shown once, copy it now): " + saved.generatedSecret());
      }
      webhookSecret = "";
      return "/admin/channel?faces-redirect=true&id=" + saved.channel().id();
    } catch (InvalidInputException e) {
      FieldMessages.show(e, this::clientId);
      int n = e.errors().size();
      FieldMessages.errorAt("editor:save", "Not saved: " + (n == 1 ? "1 field needs" : n + " fields need") + " a change, marked in red.");
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    return null;
  }

  /** Fills method, URL, headers, query and body from the chosen preset; the name and secrets stay. */
  public void applyPreset() {
    presets.find(presetId).ifPresent(p -> {
      method = p.method();
      url = p.url();
      headers = new ArrayList<>(p.headers().stream().map(ParameterRow::of).toList());
      queryParameters = new ArrayList<>(p.queryParameters().stream().map(ParameterRow::of).toList());
      body = p.body();
      if (name == null || name.isBlank()) {
        name = p.name();
      }
      FieldMessages.info("Applied the " + p.name() + " preset. " + p.description());
    });
    refreshPreview();
  }

  public void refreshPreview() {
    ChannelDraft draft = draft();
    try {
      draft.validate();
    } catch (InvalidInputException e) {
      previewResult = new TemplatePreview.Result(null, e.errors(), List.of());
      return;
    }
    try {
      previewResult = preview.preview(draft, kind());
    } catch (Busy busy) {
      // The previous preview stays on screen; the next keystroke asks again.
      FieldMessages.info("Preview not refreshed: " + busy.getMessage());
    }
  }

  public void sendTest() {
    try {
      access.requireAdmin();
      ChannelDraft draft = draft();
      try {
        draft.validate();
      } catch (InvalidInputException e) {
        FieldMessages.show(e, this::clientId);
        FieldMessages.error("Nothing was sent: " + e.errors().get(0).field() + " " + e.errors().get(0).message() + ".");
        refreshPreview();
        return;
      }
      testResult = testSend.send(draft, name, kind());
      if (!testResult.errors().isEmpty()) {
        FieldMessages.error("Nothing was sent: the template has errors (see the preview).");
      }
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    refreshPreview();
  }

  public void addHeader() {
    headers.add(new ParameterRow());
  }

  public void removeHeader(ParameterRow row) {
    headers.remove(row);
    refreshPreview();
  }

  public void addQueryParameter() {
    queryParameters.add(new ParameterRow());
  }

  public void removeQueryParameter(ParameterRow row) {
    queryParameters.remove(row);
    refreshPreview();
  }

  private ChannelDraft draft() {
    return new ChannelDraft(id, url, method, keyValues(headers), keyValues(queryParameters), body, webhookSecretInput(), signatureScheme);
  }

  /** null keeps the stored secret, "" removes it, anything else replaces it. */
  private String webhookSecretInput() {
    if (removeWebhookSecret) {
      return "";
    }
    return webhookSecret == null || webhookSecret.isEmpty() ? null : webhookSecret;
  }

  private static List<KeyValue> keyValues(List<ParameterRow> rows) {
    return rows.stream().filter(r -> !(r.getKey() == null || r.getKey().isBlank()) || !r.toKeyValue().value().isEmpty()).map(ParameterRow::toKeyValue).toList();
  }

  private SampleEvents.Kind kind() {
    return SampleEvents.kind(sampleKind).orElse(SampleEvents.Kind.ALERT_FAILURE);
  }

  /** Boundary field names to the editor's client ids. */
  private String clientId(String field) {
    if (field.matches("subscriptions\\[\\d+]\\.label")) {
      field = "subscriptions.label";
    }
    Matcher row = ROW_FIELD.matcher(field);
    if (row.matches()) {
      return "editor:" + row.group(1) + ":" + row.group(2) + ":" + row.group(3);
    }
    return switch (field) {
      case "name", "url", "method", "signatureScheme", "backoff", "maxRetries", "webhookSecret" -> "editor:" + field;
      case "template" -> "editor:body";
      case "retryDelayMs" -> "editor:retryDelaySeconds";
      case "connectTimeoutMs" -> "editor:connectTimeoutSeconds";
      case "responseTimeoutMs" -> "editor:responseTimeoutSeconds";
      case "rateLimitPerMinute", "sslExpiryThreshold" -> "editor:" + field;
      case "subscriptions" -> "editor:subscribedChecks";
      case "subscriptions.label" -> "editor:subscribedLabels";
      case "headers" -> "editor:headersMessage";
      case "queryParameters" -> "editor:queryMessage";
      default -> null;
    };
  }

  private List<ChannelInput.Subscription> subscriptions() {
    List<ChannelInput.Subscription> all = new ArrayList<>();
    subscribedChecks.forEach(checkId -> all.add(new ChannelInput.Subscription(checkId, null, true)));
    subscribedGroups.forEach(groupId -> all.add(new ChannelInput.Subscription(null, groupId, true)));
    (subscribedLabels == null ? "" : subscribedLabels).lines().map(String::strip).filter(l -> !l.isEmpty())
        .forEach(label -> all.add(new ChannelInput.Subscription(null, null, label, true)));
    return all;
  }

  public List<ConsoleChannels.Target> getChecks() {
    return channels.checks();
  }

  public List<ConsoleChannels.Target> getGroups() {
    return channels.groups();
  }

  public List<Preset> getPresets() {
    return presets.all();
  }

  public List<EventVariable> getEventVariables() {
    return EventVariable.ALL;
  }

  public List<ConsoleVariables.Shown> getEnvironmentVariables() {
    if (environmentVariables == null) {
      environmentVariables = variables.list();
    }
    return environmentVariables;
  }

  /** A variable was added meanwhile (a value promoted to a secret): the panel reads them again. */
  void variablesChanged() {
    environmentVariables = null;
  }

  public List<ConsoleVariables.GroupVariables> getGroupVariables() {
    if (groupVariables == null) {
      groupVariables = variables.byGroup();
    }
    return groupVariables;
  }

  public HttpMethod[] getMethods() {
    return HttpMethod.values();
  }

  public SampleEvents.Kind[] getSampleKinds() {
    return SampleEvents.Kind.values();
  }

  public AlertChannel.SignatureScheme[] getSignatureSchemes() {
    return AlertChannel.SignatureScheme.values();
  }

  public Backoff[] getBackoffs() {
    return Backoff.values();
  }

  public boolean isNew() {
    return id == null;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    if (!loaded) {
      this.id = id;
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public List<ParameterRow> getHeaders() {
    return headers;
  }

  public List<ParameterRow> getQueryParameters() {
    return queryParameters;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  /** Write-only: the page's field always starts empty. */
  public String getWebhookSecret() {
    return "";
  }

  public void setWebhookSecret(String webhookSecret) {
    if (webhookSecret != null && !webhookSecret.isEmpty()) {
      this.webhookSecret = webhookSecret;
    }
  }

  public boolean isWebhookSecretTyped() {
    return webhookSecret != null && !webhookSecret.isEmpty();
  }

  public boolean isWebhookSecretStored() {
    return webhookSecretStored;
  }

  public boolean isRemoveWebhookSecret() {
    return removeWebhookSecret;
  }

  public void setRemoveWebhookSecret(boolean removeWebhookSecret) {
    this.removeWebhookSecret = removeWebhookSecret;
  }

  public String getSignatureScheme() {
    return signatureScheme;
  }

  public void setSignatureScheme(String signatureScheme) {
    this.signatureScheme = signatureScheme;
  }

  public boolean isActivated() {
    return activated;
  }

  public void setActivated(boolean activated) {
    this.activated = activated;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  public Integer getRetryDelaySeconds() {
    return retryDelaySeconds;
  }

  public void setRetryDelaySeconds(Integer retryDelaySeconds) {
    this.retryDelaySeconds = retryDelaySeconds;
  }

  public String getBackoff() {
    return backoff;
  }

  public void setBackoff(String backoff) {
    this.backoff = backoff;
  }

  public String getPresetId() {
    return presetId;
  }

  public void setPresetId(String presetId) {
    this.presetId = presetId;
  }

  public String getSampleKind() {
    return sampleKind;
  }

  public void setSampleKind(String sampleKind) {
    this.sampleKind = sampleKind;
  }

  public TemplatePreview.Result getPreview() {
    return previewResult;
  }

  public TestSend.Result getTestResult() {
    return testResult;
  }

  public boolean isSendFailure() {
    return sendFailure;
  }

  public void setSendFailure(boolean sendFailure) {
    this.sendFailure = sendFailure;
  }

  public boolean isSendRecovery() {
    return sendRecovery;
  }

  public void setSendRecovery(boolean sendRecovery) {
    this.sendRecovery = sendRecovery;
  }

  public boolean isSendDegraded() {
    return sendDegraded;
  }

  public void setSendDegraded(boolean sendDegraded) {
    this.sendDegraded = sendDegraded;
  }

  public boolean isSslExpiry() {
    return sslExpiry;
  }

  public void setSslExpiry(boolean sslExpiry) {
    this.sslExpiry = sslExpiry;
  }

  public Integer getSslExpiryThreshold() {
    return sslExpiryThreshold;
  }

  public void setSslExpiryThreshold(Integer sslExpiryThreshold) {
    this.sslExpiryThreshold = sslExpiryThreshold;
  }

  public List<String> getSubscribedChecks() {
    return subscribedChecks;
  }

  public void setSubscribedChecks(List<String> subscribedChecks) {
    this.subscribedChecks = subscribedChecks;
  }

  public String getSubscribedLabels() {
    return subscribedLabels;
  }

  public void setSubscribedLabels(String subscribedLabels) {
    this.subscribedLabels = subscribedLabels;
  }

  public List<String> getSubscribedGroups() {
    return subscribedGroups;
  }

  public void setSubscribedGroups(List<String> subscribedGroups) {
    this.subscribedGroups = subscribedGroups;
  }

  public Integer getConnectTimeoutSeconds() {
    return connectTimeoutSeconds;
  }

  public void setConnectTimeoutSeconds(Integer connectTimeoutSeconds) {
    this.connectTimeoutSeconds = connectTimeoutSeconds;
  }

  public Integer getResponseTimeoutSeconds() {
    return responseTimeoutSeconds;
  }

  public void setResponseTimeoutSeconds(Integer responseTimeoutSeconds) {
    this.responseTimeoutSeconds = responseTimeoutSeconds;
  }

  public boolean isSupersedeOlder() {
    return supersedeOlder;
  }

  public void setSupersedeOlder(boolean supersedeOlder) {
    this.supersedeOlder = supersedeOlder;
  }

  public Integer getRateLimitPerMinute() {
    return rateLimitPerMinute;
  }

  public void setRateLimitPerMinute(Integer rateLimitPerMinute) {
    this.rateLimitPerMinute = rateLimitPerMinute;
  }
}
