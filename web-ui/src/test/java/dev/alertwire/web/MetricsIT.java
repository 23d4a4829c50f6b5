package dev.alertwire.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /api/v1/metrics on Payara Micro: real alerts to real receivers on loopback move the counters, the
 * histograms and the gauges; only admin and viewer tokens read it; and the rules file, the Grafana
 * dashboard and docs/operations.md name only metrics the running app serves.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final Path DOCS = Path.of("..", "docs");
  private static final Pattern METRIC = Pattern.compile("\\balertwire_[a-z0-9_]+\\b");

  @Deployment(testable = false)
  static WebArchive app() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/alertwire.war"));
  }

  @ArquillianResource URL base;

  @Test
  void alertsToLoopbackReceiversMoveTheMetricsWhichOnlyReadersMaySee() throws Exception {
    ApiClient api = new ApiClient(base);
    String viewerToken = issue(api, "viewer");
    String ingestToken = issue(api, "ingest");
    assertEquals(401, api.as(null).get("api/v1/metrics").status(), "no token, no metrics");
    assertEquals(403, api.as(ingestToken).get("api/v1/metrics").status(), "an ingest token may not read them");
    ApiClient prometheus = api.as(viewerToken);
    ApiClient.Reply first = prometheus.get("api/v1/metrics");
    assertEquals(200, first.status(), first.body());
    List<String> mediaType = List.of(first.contentType().replace(" ", "").split(";"));
    assertEquals("text/plain", mediaType.get(0), first.contentType());
    assertTrue(mediaType.contains("version=0.0.4"), "the text format's version: " + first.contentType());
    Scrape before = Scrape.of(first.body());

    try (LoopbackReceiver okReceiver = new LoopbackReceiver();
        LoopbackReceiver goneReceiver = new LoopbackReceiver();
        LoopbackReceiver renderReceiver = new LoopbackReceiver();
        LoopbackReceiver failingReceiver = new LoopbackReceiver();
        LoopbackReceiver limitedReceiver = new LoopbackReceiver()) {
      goneReceiver.answer(500);
      goneReceiver.answer(410);
      failingReceiver.otherwise(500, 0);
      String ok =
          create(api, channel("metrics ok", okReceiver.url("/ok"))
              .add("webhookSecret", "metrics-webhook-secret-5f1e")
              .add("headers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "Authorization").add("value", "Bearer metrics-locked-7a2c").add("locked", true))));
      String gone = create(api, channel("metrics gone", goneReceiver.url("/gone")).add("retryDelayMs", 200).add("maxRetries", 3));
      String render =
          create(api, channel("metrics render", renderReceiver.url("/render"))
              .add("headers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "X-Note").add("value", "{{NOTE}}"))));
      String retrying =
          create(api, channel("metrics retrying", failingReceiver.url("/fail")).add("supersedeOlder", true).add("retryDelayMs", 600_000).add("maxRetries", 5));
      String limited = create(api, channel("metrics limited", limitedReceiver.url("/limited")).add("rateLimitPerMinute", 1));

      // The first alert: 200 on ok, 500 then 410 on gone, 500 (retry in 10 minutes) on retrying.
      alert(api, "metrics-check-1", null);
      okReceiver.await(1, WAIT);
      goneReceiver.await(2, WAIT);
      failingReceiver.await(1, WAIT);
      Scrape afterFirst = awaitScrape(prometheus, s -> s.value("alertwire_deliveries_total", "channel", gone, "outcome", "failed") >= 1
          && s.value("alertwire_delivery_attempts_total", "channel", retrying, "result", "5xx") >= 1);
      assertEquals(1, afterFirst.value("alertwire_delivery_attempts_total", "channel", gone, "result", "5xx"));
      assertEquals(1, afterFirst.value("alertwire_delivery_attempts_total", "channel", gone, "result", "410"));
      assertEquals(1, afterFirst.value("alertwire_deliveries_total", "channel", gone, "outcome", "failed"));
      assertEquals(0, afterFirst.value("alertwire_deliveries_total", "channel", gone, "outcome", "succeeded"));

      // The same check again supersedes the retrying channel's waiting delivery; a line break in NOTE makes
      // the render channel's header unrenderable; the limited channel's third delivery waits for its minute.
      alert(api, "metrics-check-1", null);
      alert(api, "metrics-check-2", "two\nlines");
      Scrape after =
          awaitScrape(prometheus, s -> s.value("alertwire_deliveries_total", "channel", ok, "outcome", "succeeded") >= 3
              && s.value("alertwire_template_render_errors_total", "channel", render) >= 1
              && s.value("alertwire_deliveries_superseded_total", "channel", retrying) >= 1
              && s.value("alertwire_deliveries_rate_limited_total", "channel", limited) >= 1
              && s.value("alertwire_channels_gone") >= before.value("alertwire_channels_gone") + 1
              && s.value("alertwire_delivery_attempts_total", "channel", retrying, "result", "5xx") >= 2
              && s.value("alertwire_delivery_attempts_total", "channel", render, "result", "2xx") >= 2
              && s.value("alertwire_deliveries_unfinished", "status", "retrying") >= 2
              // the gauges are read at most every 5 s: the counter can move before the gauge shows the row
              && s.value("alertwire_deliveries_unfinished", "status", "rate_limited") >= 1);

      assertEquals(3, after.value("alertwire_deliveries_total", "channel", ok, "outcome", "succeeded"));
      assertEquals(3, after.value("alertwire_delivery_attempts_total", "channel", ok, "result", "2xx"));
      assertEquals(3, after.value("alertwire_delivery_attempt_duration_seconds_count", "channel", ok));
      assertEquals(3, after.value("alertwire_delivery_attempt_duration_seconds_bucket", "channel", ok, "le", "+Inf"));
      assertTrue(after.value("alertwire_delivery_attempt_duration_seconds_sum", "channel", ok) > 0);
      assertTrue(after.value("alertwire_delivery_attempt_duration_seconds_bucket", "channel", ok, "le", "0.005")
          <= after.value("alertwire_delivery_attempt_duration_seconds_bucket", "channel", ok, "le", "30"), "buckets are cumulative");
      double firstAttempts = after.value("alertwire_delivery_first_attempt_delay_seconds_count") - before.value("alertwire_delivery_first_attempt_delay_seconds_count");
      assertTrue(firstAttempts >= 9, "one per delivery sent at least once (3 ok, 1+ gone, 2 render, 2+ retrying, 1 limited): " + firstAttempts);
      assertEquals(firstAttempts,
          after.value("alertwire_delivery_first_attempt_delay_seconds_bucket", "le", "+Inf") - before.value("alertwire_delivery_first_attempt_delay_seconds_bucket", "le", "+Inf"));

      assertEquals(1, after.value("alertwire_template_render_errors_total", "channel", render));
      assertEquals(1, after.value("alertwire_delivery_attempts_total", "channel", render, "result", "invalid_request"));
      assertEquals(1, after.value("alertwire_deliveries_total", "channel", render, "outcome", "failed"));
      assertEquals(1, after.value("alertwire_deliveries_superseded_total", "channel", retrying));
      assertEquals(0, after.value("alertwire_deliveries_superseded_total", "channel", ok), "ok's deliveries finished before");
      assertTrue(after.value("alertwire_deliveries_rate_limited_total", "channel", limited) >= 1);
      assertTrue(after.value("alertwire_deliveries_unfinished", "status", "rate_limited") >= 1);
      assertTrue(after.value("alertwire_deliveries_unfinished", "status", "retrying") >= 2, "the retrying channel's two live deliveries");
      assertTrue(after.has("alertwire_deliveries_unfinished", "status", "pending"));
      assertTrue(after.has("alertwire_deliveries_due"));
      assertTrue(after.value("alertwire_oldest_due_delivery_age_seconds") >= 0);
      assertTrue(after.value("alertwire_gauges_read_age_seconds") <= 5);
      assertEquals(1, after.value("alertwire_channel_info", "channel", ok, "name", "metrics ok"));
      assertEquals(1, after.value("alertwire_channel_info", "channel", limited, "name", "metrics limited"));

      String text = prometheus.get("api/v1/metrics").body();
      for (String secret : List.of("metrics-webhook-secret-5f1e", "metrics-locked-7a2c", "two\nlines", "127.0.0.1", "/ok")) {
        assertFalse(text.contains(secret), "the metrics hold no secret, URL or alert data: " + secret);
      }
      after.checkFormat();

      for (String id : List.of(ok, gone, render, retrying, limited)) {
        api.delete("api/v1/alert-channels/" + id);
      }
    }
  }

  /** Every metric name the rules, the dashboard and docs/operations.md use is one the running app serves. */
  @Test
  void rulesDashboardAndDocsNameOnlyServedMetrics() throws Exception {
    ApiClient.Reply reply = new ApiClient(base).get("api/v1/metrics");
    assertEquals(200, reply.status(), reply.body());
    Scrape scrape = Scrape.of(reply.body());
    Set<String> served = scrape.servedNames();

    String rules = Files.readString(DOCS.resolve("prometheus/alertwire-rules.yml"));
    assertTrue(Pattern.compile("(?m)^\\s+expr:").matcher(rules).results().count() >= 4, "the rules have expressions");
    for (String alert : List.of("AlertwireOldestDueDeliveryWaiting", "AlertwireDeliveryFailureRatio", "AlertwireChannelGone", "AlertwireTemplateRenderErrors")) {
      assertTrue(rules.contains("alert: " + alert), "the rules file has " + alert);
    }
    assertUsesOnlyServed("docs/prometheus/alertwire-rules.yml", List.of(rules), served);

    String dashboardText = Files.readString(DOCS.resolve("grafana/alertwire-dashboard.json"));
    JsonObject dashboard;
    try (JsonReader reader = Json.createReader(new StringReader(dashboardText))) {
      dashboard = reader.readObject();
    }
    List<String> panelExpressions = new ArrayList<>();
    collect(dashboard, "expr", panelExpressions);
    collect(dashboard, "query", panelExpressions);
    assertTrue(panelExpressions.size() >= 8, "the dashboard has a query per panel: " + panelExpressions);
    assertUsesOnlyServed("docs/grafana/alertwire-dashboard.json", panelExpressions, served);
    assertUsesOnlyServed("docs/grafana/alertwire-dashboard.json", List.of(dashboardText), served);

    String operations = Files.readString(DOCS.resolve("operations.md"));
    Set<String> servedOrFamily = new TreeSet<>(served);
    servedOrFamily.addAll(scrape.families().keySet());
    assertUsesOnlyServed("docs/operations.md", List.of(operations), servedOrFamily);
    for (String family : scrape.families().keySet()) {
      assertTrue(operations.contains("`" + family + "`"), "docs/operations.md documents " + family);
    }
  }

  private static void assertUsesOnlyServed(String file, List<String> texts, Set<String> served) {
    Set<String> used = new TreeSet<>();
    texts.forEach(t -> {
      Matcher m = METRIC.matcher(t);
      while (m.find()) {
        used.add(m.group());
      }
    });
    assertFalse(used.isEmpty(), file + " names no metric");
    Set<String> unknown = new TreeSet<>(used);
    unknown.removeAll(served);
    assertTrue(unknown.isEmpty(), file + " uses metrics the app does not serve: " + unknown + "; served: " + served);
  }

  /** Every string value of {@code key}, anywhere in the document. */
  private static void collect(JsonValue value, String key, List<String> into) {
    if (value instanceof JsonObject o) {
      o.forEach((k, v) -> {
        if (k.equals(key) && v.getValueType() == JsonValue.ValueType.STRING) {
          into.add(o.getString(k));
        } else {
          collect(v, key, into);
        }
      });
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      value.asJsonArray().forEach(v -> collect(v, key, into));
    }
  }

  private static String issue(ApiClient api, String role) throws Exception {
    ApiClient.Reply created =
        api.post("api/v1/api-tokens", Json.createObjectBuilder().add("name", "metrics-" + role + "-" + UUID.randomUUID()).add("role", role).build().toString());
    assertEquals(201, created.status(), created.body());
    return created.json().getString("token");
  }

  private static JsonObjectBuilder channel(String name, String url) {
    return Json.createObjectBuilder().add("name", name).add("url", url).add("supersedeOlder", false).add("template", "{\"title\":\"{{ALERT_TITLE}}\"}");
  }

  private static String create(ApiClient api, JsonObjectBuilder json) throws Exception {
    ApiClient.Reply created = api.post("api/v1/alert-channels", json.build().toString());
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private static void alert(ApiClient api, String checkId, String note) throws Exception {
    JsonObjectBuilder alert = Json.createObjectBuilder().add("ALERT_TYPE", "ALERT_FAILURE").add("ALERT_TITLE", "Check " + checkId + " failed").add("CHECK_ID", checkId);
    if (note != null) {
      alert.add("NOTE", note);
    }
    ApiClient.Reply accepted = api.post("api/v1/alerts", alert.build().toString());
    assertEquals(202, accepted.status(), accepted.body());
  }

  /** Scrapes until the condition holds (counts follow commits; gauges are cached for 5 s). */
  private static Scrape awaitScrape(ApiClient prometheus, Predicate<Scrape> condition) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    Scrape scrape;
    do {
      ApiClient.Reply reply = prometheus.get("api/v1/metrics");
      assertEquals(200, reply.status(), reply.body());
      scrape = Scrape.of(reply.body());
      if (condition.test(scrape)) {
        return scrape;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < end);
    throw new AssertionError("the metrics did not reach the expected counts within " + WAIT + ":\n" + scrape.text);
  }

  /** A parsed exposition: families from # TYPE lines, samples with their labels. */
  private record Scrape(String text, Map<String, String> families, List<Sample> samples) {
    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    static Scrape of(String text) {
      Map<String, String> families = new LinkedHashMap<>();
      List<Sample> samples = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.startsWith("# TYPE ")) {
          String[] parts = line.split(" ");
          families.put(parts[2], parts[3]);
        } else if (!line.startsWith("#") && !line.isBlank()) {
          Matcher m = LINE.matcher(line);
          assertTrue(m.matches(), "a sample line: " + line);
          Map<String, String> labels = new HashMap<>();
          if (m.group(3) != null) {
            Matcher l = LABEL.matcher(m.group(3));
            int at = 0;
            while (l.find() && l.start() == at) {
              labels.put(l.group(1), l.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\"));
              at = l.end();
            }
            assertEquals(m.group(3).length(), at, "labels of " + line);
          }
          String v = m.group(4);
          samples.add(new Sample(m.group(1), labels, v.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v)));
        }
      }
      return new Scrape(text, families, samples);
    }

    /** The sum of the samples of this name whose labels include these; 0 when there is none. */
    double value(String name, String... labels) {
      return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    boolean has(String name, String... labels) {
      return !matching(name, labels).isEmpty();
    }

    private List<Sample> matching(String name, String... labels) {
      return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
        for (int i = 0; i < labels.length; i += 2) {
          if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
            return false;
          }
        }
        return true;
      }).toList();
    }

    /** The sample names the app serves: each family, and a histogram's _bucket, _sum and _count. */
    Set<String> servedNames() {
      Set<String> names = new TreeSet<>();
      families.forEach((name, type) -> {
        if (type.equals("histogram")) {
          names.addAll(List.of(name + "_bucket", name + "_sum", name + "_count"));
        } else {
          names.add(name);
        }
      });
      return names;
    }

    /** Each family has HELP and TYPE once, follows the naming conventions, and every sample belongs to one. */
    void checkFormat() {
      Set<String> served = servedNames();
      families.forEach((name, type) -> {
        assertTrue(name.startsWith("alertwire_"), name);
        assertEquals(1, text.split("# HELP " + name + " ", -1).length - 1, "one HELP for " + name);
        assertTrue(!type.equals("counter") || name.endsWith("_total"), "a counter ends in _total: " + name);
        assertTrue(!type.equals("histogram") || name.endsWith("_seconds"), "durations in seconds: " + name);
      });
      samples.forEach(s -> assertTrue(served.contains(s.name()), "sample of a declared family: " + s));
    }
  }
}
