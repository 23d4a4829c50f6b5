package dev.alertwire.bench.load;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Times the console's delivery history (admin/deliveries.xhtml) as a browser would load it: form sign-in
 * through the container's j_security_check, then the page itself (its first 25 rows are rendered on the
 * server), unfiltered and with each filter in its URL, and the channel list. Only the HTML is timed, not the
 * page's scripts and styles (cached by a browser).
 */
final class ConsoleHistory {
  private static final Pattern VIEW_STATE =
      Pattern.compile("<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
  private static final Pattern ROW = Pattern.compile("<tr [^>]*data-ri=\"");
  private static final Pattern HOUR = Pattern.compile("class=\"hour\"");
  private static final Pattern CHANNEL = Pattern.compile("class=\"channel-name\"");
  private static final Pattern OPTION = Pattern.compile("<option value=\"([0-9a-f-]{36})\"");

  private final String base;
  private final HttpClient http;

  private ConsoleHistory(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  private Api.Answer get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return new Api.Answer(r.statusCode(), r.body());
  }

  private Api.Answer post(String path, Map<String, String> form, boolean ajax) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ajax) {
      b.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Api.Answer(r.statusCode(), r.body());
  }

  static void time(String base, String user, String password, int repeat) throws Exception {
    ConsoleHistory console = new ConsoleHistory(base);
    Api.Answer login = console.get("/admin/deliveries.xhtml");
    if (login.status() == 404) {
      System.out.println("console: no admin/deliveries.xhtml in this build; not measured");
      return;
    }
    long t = System.nanoTime();
    Api.Answer signedIn = console.post("/j_security_check", Map.of("j_username", user, "j_password", password), false);
    long signInMs = (System.nanoTime() - t) / 1_000_000;
    if (signedIn.status() != 200 || !VIEW_STATE.matcher(signedIn.body()).find()) {
      System.out.println("console: sign-in failed (HTTP " + signedIn.status() + "); not measured");
      return;
    }
    System.out.printf(Locale.ROOT, "%nconsole, admin/deliveries.xhtml (25 rows a page), signed in as %s (sign-in and first page: %d ms); %s%n",
        user, signInMs, DeliveryBench.load());
    System.out.println("| console page | first call (ms) | median of the next " + repeat + ", each after a write (ms) | rows shown |");
    System.out.println("| --- | ---: | ---: | ---: |");
    HistoryBench.measure("first page (GET), no filter", repeat, () -> console.get("/admin/deliveries.xhtml"), ConsoleHistory::rows).print();

    String page = console.get("/admin/deliveries.xhtml").body();
    Matcher channel = OPTION.matcher(page);
    String channelId = channel.find() ? channel.group(1) : "";
    // The filters as a user opens them: in the page's URL (#13 put them there; the Ajax post-backs this used to
    // time no longer match the form and answered no rows, in old and new builds alike).
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("filter status=failed (URL)", "?status=FAILED");
    filters.put("filter by channel (URL)", "?channel=" + channelId);
    filters.put("filter alert type ALERT_RECOVERY (URL)", "?type=ALERT_RECOVERY");
    filters.put("filter status=failed and channel (URL)", "?status=FAILED&channel=" + channelId);
    for (Map.Entry<String, String> f : filters.entrySet()) {
      HistoryBench.measure(f.getKey(), repeat, () -> console.get("/admin/deliveries.xhtml" + f.getValue()), ConsoleHistory::rows).print();
    }
    // Since section 20 the chart of the last day comes in a request of its own after the page (a deferred
    // panel): timed here as a browser makes the two, the page and then the chart, a new view each time (the
    // view keeps its chart once counted).
    if (page.contains("id=\"chart:hours\"")) {
      HistoryBench.measure("first page and then its chart (GET + Ajax)", repeat, console::pageThenChart, ConsoleHistory::hours).print();
    } else {
      System.out.println("| first page and then its chart | the chart is part of the page in this build | | |");
    }
    // The channel list reads each channel's latest delivery and the last day's outcomes from the same table.
    HistoryBench.measure("channel list (GET), admin/channels.xhtml", repeat, () -> console.get("/admin/channels.xhtml"), ConsoleHistory::channelRows)
        .print();
  }

  /** The deliveries page, then the request its deferred chart makes once the page has loaded. */
  private Api.Answer pageThenChart() throws Exception {
    Api.Answer page = get("/admin/deliveries.xhtml");
    Matcher state = VIEW_STATE.matcher(page.body());
    if (page.status() != 200 || !state.find()) {
      return page;
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("jakarta.faces.partial.ajax", "true");
    form.put("jakarta.faces.source", "chart:hours");
    form.put("jakarta.faces.partial.execute", "chart:hours");
    form.put("jakarta.faces.partial.render", "chart:hours");
    form.put("chart:hours_load", "true");
    form.put("chart", "chart");
    form.put("jakarta.faces.ViewState", state.group(1));
    return post("/admin/deliveries.xhtml", form, true);
  }

  private static String hours(String html) {
    return count(HOUR, html) + " hours";
  }

  private static String channelRows(String html) {
    return count(CHANNEL, html) + " channels";
  }

  private static String rows(String html) {
    return Integer.toString(count(ROW, html));
  }

  private static int count(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
