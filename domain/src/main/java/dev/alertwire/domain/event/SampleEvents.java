package dev.alertwire.domain.event;

import dev.alertwire.domain.check.AlertKind;
import dev.alertwire.domain.check.AlertTitles;
import dev.alertwire.domain.source.AlertSource;
import dev.alertwire.domain.source.AlertmanagerWebhook;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Realistic events for previews and test-sends: every variable of the seed's table filled as a real alert
 * of that kind would fill it.
 */
public final class SampleEvents {
  /** The kinds a user can preview; REMINDER is a failure alert repeated. */
  public enum Kind {
    ALERT_FAILURE,
    ALERT_RECOVERY,
    ALERT_DEGRADED,
    ALERT_DEGRADED_RECOVERY,
    ALERT_SSL,
    REMINDER,
    /** A firing alert from Prometheus Alertmanager, mapped as POST /api/v1/sources/alertmanager maps it. */
    ALERTMANAGER
  }

  private SampleEvents() {}

  public static Optional<Kind> kind(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of(Kind.ALERT_FAILURE);
    }
    try {
      return Optional.of(Kind.valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static Map<String, Object> of(Kind kind, Clock clock, String baseUrl) {
    if (kind == Kind.ALERTMANAGER) {
      return AlertmanagerWebhook.events(alertmanagerPayload(clock), AlertSource.ALERTMANAGER).get(0);
    }
    Instant started = clock.instant().minus(2, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
    String checkId = "08437f9c-df8c-45ed-975a-a3f9e24d626d";
    String resultId = "3d1c2f6e-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    String checkName = "Checkout API";
    Map<String, Object> v = new LinkedHashMap<>();
    String type = kind == Kind.REMINDER ? "ALERT_FAILURE" : kind.name();
    v.put("ALERT_TYPE", type);
    v.put("ALERT_TITLE", title(kind, checkName));
    v.put("CHECK_ID", checkId);
    v.put("CHECK_NAME", checkName);
    v.put("CHECK_DESCRIPTION", "Places a test order against the checkout service");
    v.put("CHECK_TYPE", "API");
    v.put("CHECK_RESULT_ID", resultId);
    v.put("CHECK_URL", "https://api.example.com/v1/checkout");
    v.put("GROUP_NAME", "Production APIs");
    v.put("TAGS", List.of("production", "checkout", "P1"));
    v.put("REGION", "eu-west-1");
    v.put("RUN_LOCATION", "Ireland");
    v.put("STARTED_AT", started.toString());
    v.put("RESULT_LINK", baseUrl + "checks/" + checkId + "/results/" + resultId);
    v.put("IS_REMINDER", kind == Kind.REMINDER);
    v.put("REMINDER_SEQUENCE", kind == Kind.REMINDER ? 1 : 0);
    boolean failing = kind == Kind.ALERT_FAILURE || kind == Kind.REMINDER;
    boolean degraded = kind == Kind.ALERT_DEGRADED;
    v.put("RESPONSE_TIME", failing ? 30012 : degraded ? 4215 : 182);
    v.put("API_CHECK_RESPONSE_STATUS_CODE", failing ? 503 : 200);
    v.put("API_CHECK_RESPONSE_STATUS_TEXT", failing ? "Service Unavailable" : "OK");
    v.put("API_CHECK_RESPONSE_BODY", failing ? "{\"error\":\"upstream timeout\"}" : "{\"status\":\"ok\"}");
    v.put("CHECK_ERROR_MESSAGE", failing ? "Expected status code 200 but received 503" : degraded ? "Response time 4215 ms is over the degraded limit of 3000 ms" : "");
    if (failing) {
      v.put("AI_ANALYSIS_ROOT_CAUSE", "The payment provider's sandbox answers 503 since 12:02 UTC");
      v.put("AI_ANALYSIS_USER_IMPACT", "Customers cannot complete checkout");
      v.put("AI_ANALYSIS_CLASSIFICATION", "THIRD_PARTY_OUTAGE");
      v.put("AI_ANALYSIS_CODE_FIX", "Retry the payment call with back-off and show a friendly error");
      v.put("AI_ANALYSIS_LINK", baseUrl + "checks/" + checkId + "/results/" + resultId + "#analysis");
    } else {
      for (String k : List.of("AI_ANALYSIS_ROOT_CAUSE", "AI_ANALYSIS_USER_IMPACT", "AI_ANALYSIS_CLASSIFICATION", "AI_ANALYSIS_CODE_FIX", "AI_ANALYSIS_LINK")) {
        v.put(k, "");
      }
    }
    v.put("SSL_CHECK_DOMAIN", kind == Kind.ALERT_SSL ? "api.example.com" : "");
    v.put("SSL_DAYS_REMAINING", kind == Kind.ALERT_SSL ? 14 : "");
    return v;
  }

  /** An Alertmanager webhook notification of one firing alert, as Alertmanager sends it (version 4). */
  public static Map<String, Object> alertmanagerPayload(Clock clock) {
    Instant started = clock.instant().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("alertname", "CheckoutHighErrorRate");
    labels.put("instance", "checkout-7d9f:8080");
    labels.put("job", "checkout");
    labels.put("service", "checkout");
    labels.put("severity", "critical");
    labels.put("team", "payments");
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put("summary", "Checkout answers 5% of requests with errors");
    annotations.put("description", "checkout-7d9f:8080 has answered 5.2% of requests with a 5xx status for 5 minutes");
    annotations.put("runbook_url", "https://runbooks.example.com/checkout/high-error-rate");
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("status", "firing");
    alert.put("labels", labels);
    alert.put("annotations", annotations);
    alert.put("startsAt", started.toString());
    alert.put("endsAt", "0001-01-01T00:00:00Z");
    alert.put("generatorURL", "http://prometheus.example.com:9090/graph?g0.expr=job%3Acheckout_errors%3Aratio5m+%3E+0.05&g0.tab=1");
    alert.put("fingerprint", "5f2c8b1e9a7d3c40");
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("version", "4");
    payload.put("groupKey", "{}:{alertname=\"CheckoutHighErrorRate\"}");
    payload.put("truncatedAlerts", 0);
    payload.put("status", "firing");
    payload.put("receiver", "alertwire");
    payload.put("groupLabels", Map.of("alertname", "CheckoutHighErrorRate"));
    payload.put("commonLabels", labels);
    payload.put("commonAnnotations", annotations);
    payload.put("externalURL", "http://alertmanager.example.com:9093");
    payload.put("alerts", List.of(alert));
    return payload;
  }

  private static String title(Kind kind, String checkName) {
    AlertKind alert = kind == Kind.REMINDER ? AlertKind.ALERT_FAILURE : AlertKind.valueOf(kind.name());
    return AlertTitles.of(alert, checkName, "api.example.com", 14);
  }
}
