package dev.alertwire.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app's REST API, as the benchmarks use it: JSON in, status and text out, bearer token on every call. */
final class Api {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

  final String base;
  private final String token;
  final HttpClient http;

  Api(String base, String token) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.token = token;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  record Answer(int status, String body) {}

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  /**
   * A GET or DELETE is sent once more when the connection it went out on turns out closed: the app closes a
   * kept-alive connection that idled past its timeout (a run that drains for a minute does), and the JDK's
   * client does not retry a DELETE itself. Both are safe to repeat; a POST is not, and is never repeated.
   */
  Answer send(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    HttpRequest request = request(path).method(method, body).build();
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException closed) {
      if (closed instanceof HttpTimeoutException || !method.equals("GET") && !method.equals("DELETE")) {
        throw closed; // a timeout is not a closed connection: sending again would only wait as long again
      }
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return new Answer(r.statusCode(), r.body());
  }

  CompletableFuture<HttpResponse<Void>> postAsync(String path, String json) {
    return http.sendAsync(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
  }

  String createChannel(String json) throws IOException, InterruptedException {
    Answer a = send("POST", "/api/v1/alert-channels", json);
    if (a.status() != 201 && a.status() != 200) {
      throw new IllegalStateException("channel not created: " + a.status() + " " + a.body());
    }
    return id(a.body());
  }

  List<String> channelIds() throws IOException, InterruptedException {
    Answer a = send("GET", "/api/v1/alert-channels", null);
    List<String> ids = new ArrayList<>();
    Matcher m = ID.matcher(a.body());
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  void deleteChannels() throws IOException, InterruptedException {
    for (String id : channelIds()) {
      send("DELETE", "/api/v1/alert-channels/" + id, null);
    }
  }

  long total(String query) throws IOException, InterruptedException {
    Answer a = send("GET", "/api/v1/deliveries?" + query, null);
    Matcher m = TOTAL.matcher(a.body());
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  static String id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return m.group(1);
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
