package dev.alertwire.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Talks to the deployed app's REST API as any client would. */
public final class ApiClient {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** The admin token the test deployments are started with (arquillian.xml, PayaraProcess). */
  public static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdef";

  private final URI base;
  private final String token;

  public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
    public Reply(int status, String contentType, String body) {
      this(status, contentType, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    public JsonStructure jsonValue() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }
  }

  public ApiClient(URL deployment) {
    this(deployment, ADMIN_TOKEN);
  }

  /** @param token the bearer token to send, or null to send none */
  public ApiClient(URL deployment, String token) {
    this.base = URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
    this.token = token;
  }

  public ApiClient as(String otherToken) {
    try {
      return new ApiClient(base.toURL(), otherToken);
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Reply post(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Raw bytes; {@code chunked} sends them without a Content-Length (Transfer-Encoding: chunked). */
  public Reply postBytes(String path, byte[] body, boolean chunked) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body);
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json").POST(publisher));
  }

  public Reply put(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
  }
}
