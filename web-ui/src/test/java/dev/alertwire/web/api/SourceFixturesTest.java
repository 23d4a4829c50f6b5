package dev.alertwire.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.alertwire.delivery.json.JsonBodies;
import dev.alertwire.delivery.json.JsonValues;
import dev.alertwire.domain.source.AlertSource;
import dev.alertwire.domain.source.AlertmanagerWebhook;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented payloads kept as fixtures, read as the API reads a body and mapped as it maps them. */
class SourceFixturesTest {
  private static List<Map<String, Object>> mapped(String fixture, AlertSource source) throws IOException {
    try (InputStream in = SourceFixturesTest.class.getResourceAsStream("/sources/" + fixture)) {
      return AlertmanagerWebhook.events(JsonValues.toMap(JsonBodies.object(new String(in.readAllBytes(), StandardCharsets.UTF_8))), source);
    }
  }

  @Test
  void alertmanagersPayloadIsOneFailure() throws IOException {
    List<Map<String, Object>> events = mapped("alertmanager-webhook.json", AlertSource.ALERTMANAGER);
    assertEquals(1, events.size());
    Map<String, Object> v = events.get(0);
    assertEquals("ALERT_FAILURE", v.get("ALERT_TYPE"));
    assertEquals("7c1e9a3fd2b04e61", v.get("CHECK_ID"));
    assertEquals("PaymentsApiDown", v.get("CHECK_NAME"));
    assertEquals("2026-06-15T11:08:45.828Z", v.get("STARTED_AT"));
    assertEquals("http://prometheus.example.org:9090/graph?g0.expr=probe_success%7Bjob%3D%22blackbox_http%22%7D+%3D%3D+0&g0.tab=1",
        v.get("RESULT_LINK"), "Go's \\u0026 is an ampersand");
    assertEquals("payments", ((Map<?, ?>) v.get("LABELS")).get("team"));
    assertEquals("alertmanager", v.get("ALERT_SOURCE"));
  }

  @Test
  void grafanasPayloadIsTwoFailuresWithTheirValues() throws IOException {
    List<Map<String, Object>> events = mapped("grafana-webhook.json", AlertSource.GRAFANA);
    assertEquals(List.of("c6eadffa33fcdf37", "bc97ff14869b13e3"), events.stream().map(e -> e.get("CHECK_ID")).toList());
    Map<String, Object> v = events.get(0);
    assertEquals("This alert was triggered for zone us-1", v.get("ALERT_TITLE"));
    assertEquals("2021-10-12T07:51:03.157076Z", v.get("STARTED_AT"));
    assertEquals(new BigDecimal("44.23943737541908"), ((Map<?, ?>) v.get("VALUES")).get("B"));
    assertEquals(1L, v.get("GRAFANA_ORG_ID"));
    assertEquals("alerting", v.get("GRAFANA_STATE"));
    assertEquals("", v.get("DASHBOARD_URL"));
    assertEquals(List.of("alertname:High memory usage", "team:blue", "zone:us-1"), v.get("TAGS"));
  }
}
