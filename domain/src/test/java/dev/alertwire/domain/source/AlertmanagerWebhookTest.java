package dev.alertwire.domain.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.event.SampleEvents;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerWebhookTest {
  private static Map<String, Object> alert(String status, String fingerprint) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("alertname", "DiskFull");
    labels.put("severity", "page");
    labels.put("team", "storage");
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put("summary", "Disk /var is 97% full on db-1");
    annotations.put("description", "Less than 3% left for 10 minutes");
    annotations.put("runbook_url", "https://runbooks.example.com/disk");
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("status", status);
    a.put("labels", labels);
    a.put("annotations", annotations);
    a.put("startsAt", "2026-06-15T14:02:11.519+02:00");
    a.put("endsAt", status.equals("resolved") ? "2026-06-15T14:20:00Z" : "0001-01-01T00:00:00Z");
    a.put("generatorURL", "http://prometheus:9090/graph?g0.expr=disk");
    if (fingerprint != null) {
      a.put("fingerprint", fingerprint);
    }
    return a;
  }

  private static Map<String, Object> payload(List<Object> alerts) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("version", "4");
    p.put("status", "firing");
    p.put("receiver", "alertwire");
    p.put("groupLabels", Map.of("alertname", "DiskFull"));
    p.put("commonLabels", Map.of("alertname", "DiskFull"));
    p.put("commonAnnotations", Map.of());
    p.put("externalURL", "http://alertmanager:9093");
    p.put("groupKey", "{}:{alertname=\"DiskFull\"}");
    p.put("alerts", alerts);
    return p;
  }

  @Test
  void aFiringAlertIsAFailureOfTheCheckNamedByItsFingerprint() {
    Map<String, Object> v = AlertmanagerWebhook.events(payload(List.of(alert("firing", "0f1e2d3c4b5a6978"))), AlertSource.ALERTMANAGER).get(0);
    assertEquals("ALERT_FAILURE", v.get("ALERT_TYPE"));
    assertEquals("0f1e2d3c4b5a6978", v.get("CHECK_ID"));
    assertEquals("DiskFull", v.get("CHECK_NAME"));
    assertEquals("ALERTMANAGER", v.get("CHECK_TYPE"));
    assertEquals("Disk /var is 97% full on db-1", v.get("ALERT_TITLE"));
    assertEquals("Less than 3% left for 10 minutes", v.get("CHECK_ERROR_MESSAGE"));
    assertEquals("2026-06-15T12:02:11.519Z", v.get("STARTED_AT"), "startsAt as a UTC instant");
    assertEquals("", v.get("ENDS_AT"), "Go's zero time is no end");
    assertEquals("http://prometheus:9090/graph?g0.expr=disk", v.get("RESULT_LINK"));
    assertEquals(List.of("alertname:DiskFull", "severity:page", "team:storage"), v.get("TAGS"));
    assertEquals(Map.of("alertname", "DiskFull", "severity", "page", "team", "storage"), v.get("LABELS"));
    assertEquals("https://runbooks.example.com/disk", ((Map<?, ?>) v.get("ANNOTATIONS")).get("runbook_url"));
    assertEquals("alertmanager", v.get("ALERT_SOURCE"));
    assertEquals("firing", v.get("ALERT_STATUS"));
    assertEquals("http://alertmanager:9093", v.get("EXTERNAL_URL"));
    assertEquals("alertwire", v.get("RECEIVER"));
    assertEquals(false, v.get("IS_REMINDER"));
    assertFalse(v.containsKey("GRAFANA_ORG_ID"));
  }

  @Test
  void aResolvedAlertIsARecoveryOfTheSameCheck() {
    List<Map<String, Object>> events =
        AlertmanagerWebhook.events(payload(List.of(alert("resolved", "0f1e2d3c4b5a6978"), alert("firing", "aaaabbbbccccdddd"))), AlertSource.ALERTMANAGER);
    assertEquals(2, events.size(), "one event per alert, in order");
    assertEquals("ALERT_RECOVERY", events.get(0).get("ALERT_TYPE"));
    assertEquals("0f1e2d3c4b5a6978", events.get(0).get("CHECK_ID"));
    assertEquals("2026-06-15T14:20:00Z", events.get(0).get("ENDS_AT"));
    assertEquals("ALERT_FAILURE", events.get(1).get("ALERT_TYPE"));
  }

  @Test
  void withoutSummaryOrFingerprintTheTitleAndIdAreDerived() {
    Map<String, Object> a = alert("firing", null);
    ((Map<String, Object>) a).put("annotations", Map.of());
    Map<String, Object> first = AlertmanagerWebhook.events(payload(List.of(a)), AlertSource.ALERTMANAGER).get(0);
    assertEquals("Check \"DiskFull\" has failed", first.get("ALERT_TITLE"));
    assertEquals("", first.get("CHECK_ERROR_MESSAGE"));
    String id = (String) first.get("CHECK_ID");
    assertEquals(16, id.length());
    Map<String, Object> resolved = alert("resolved", null);
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("team", "storage");
    reordered.put("severity", "page");
    reordered.put("alertname", "DiskFull");
    resolved.put("labels", reordered);
    assertEquals(id, AlertmanagerWebhook.events(payload(List.of(resolved)), AlertSource.ALERTMANAGER).get(0).get("CHECK_ID"),
        "the same label set gives the same id, whatever the order");
    resolved.put("labels", Map.of("alertname", "DiskFull", "severity", "warning", "team", "storage"));
    assertFalse(id.equals(AlertmanagerWebhook.events(payload(List.of(resolved)), AlertSource.ALERTMANAGER).get(0).get("CHECK_ID")));
  }

  @Test
  void grafanaFieldsAreCarriedAndMakeTheSourceGrafana() {
    Map<String, Object> a = alert("firing", "c6eadffa33fcdf37");
    a.put("dashboardURL", "https://grafana.example.com/d/abc");
    a.put("panelURL", "https://grafana.example.com/d/abc?viewPanel=2");
    a.put("silenceURL", "https://grafana.example.com/alerting/silence/new");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("B", new java.math.BigDecimal("44.23943737541908"));
    values.put("C", 1L);
    a.put("values", values);
    Map<String, Object> p = payload(List.of(a));
    p.put("version", "1");
    p.put("orgId", 1L);
    p.put("title", "[FIRING:1] DiskFull");
    p.put("state", "alerting");
    p.put("message", "**Firing** ...");
    Map<String, Object> v = AlertmanagerWebhook.events(p, AlertSource.ALERTMANAGER).get(0);
    assertEquals("grafana", v.get("ALERT_SOURCE"), "Grafana's payload on the Alertmanager path is still Grafana's");
    assertEquals("GRAFANA", v.get("CHECK_TYPE"));
    assertEquals(1L, v.get("GRAFANA_ORG_ID"));
    assertEquals("[FIRING:1] DiskFull", v.get("GRAFANA_TITLE"));
    assertEquals("alerting", v.get("GRAFANA_STATE"));
    assertEquals("https://grafana.example.com/d/abc", v.get("DASHBOARD_URL"));
    assertEquals("https://grafana.example.com/d/abc?viewPanel=2", v.get("PANEL_URL"));
    assertEquals(values, v.get("VALUES"));
    assertFalse(v.containsKey("GRAFANA_MESSAGE"), "the notification-wide message is not copied into each event");
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Map<String, Object> bad = alert("burning", "x".repeat(101));
    bad.put("startsAt", "yesterday");
    bad.put("labels", Map.of("team", 5L));
    Map<String, Object> noLabels = alert("firing", "f");
    noLabels.remove("labels");
    List<Object> alerts = new ArrayList<>(List.of(bad, "not an alert", noLabels));
    Map<String, Object> p = payload(alerts);
    p.put("version", "3");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AlertmanagerWebhook.events(p, AlertSource.ALERTMANAGER));
    List<String> fields = e.errors().stream().map(FieldError::field).toList();
    assertEquals(List.of("version", "alerts[0].status", "alerts[0].labels.team", "alerts[0].startsAt", "alerts[0].fingerprint", "alerts[1]",
        "alerts[2].labels"), fields, e.errors().toString());
  }

  @Test
  void theAlertsArrayIsRequiredAndBounded() {
    Map<String, Object> p = payload(List.of());
    assertEquals("alerts", assertThrows(InvalidInputException.class, () -> AlertmanagerWebhook.events(p, AlertSource.ALERTMANAGER)).errors().get(0).field());
    p.remove("alerts");
    assertTrue(assertThrows(InvalidInputException.class, () -> AlertmanagerWebhook.events(p, AlertSource.GRAFANA)).errors().get(0).message().contains("required"));
    List<Object> many = new ArrayList<>();
    for (int i = 0; i <= AlertmanagerWebhook.MAX_ALERTS; i++) {
      many.add(alert("firing", "f" + i));
    }
    InvalidInputException tooMany = assertThrows(InvalidInputException.class, () -> AlertmanagerWebhook.events(payload(many), AlertSource.ALERTMANAGER));
    assertTrue(tooMany.errors().get(0).message().contains("max_alerts"), tooMany.errors().toString());
    Map<String, Object> longDescription = alert("firing", "f");
    longDescription.put("annotations", Map.of("description", "d".repeat(AlertmanagerWebhook.MAX_ANNOTATION_VALUE + 1)));
    assertEquals("alerts[0].annotations.description",
        assertThrows(InvalidInputException.class, () -> AlertmanagerWebhook.events(payload(List.of(longDescription)), AlertSource.ALERTMANAGER))
            .errors().get(0).field());
  }

  @Test
  void thePreviewSampleIsAnAlertmanagerAlertMappedTheSameWay() {
    Clock clock = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    Map<String, Object> sample = SampleEvents.of(SampleEvents.Kind.ALERTMANAGER, clock, "http://localhost:8080/");
    assertEquals("ALERT_FAILURE", sample.get("ALERT_TYPE"));
    assertEquals("CheckoutHighErrorRate", sample.get("CHECK_NAME"));
    assertEquals("critical", ((Map<?, ?>) sample.get("LABELS")).get("severity"));
    assertEquals("2026-06-15T11:57:00Z", sample.get("STARTED_AT"));
  }
}
