package dev.alertwire.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on 127.0.0.1 for tests: records every request and answers with the statuses queued
 * by the test (then 200). Its URLs start with a path of its own: the test database keeps the channels of
 * earlier tests, and one of them may point at a port that the system has since given to this receiver.
 * Requests outside that path are answered 404 and not recorded.
 */
public final class LoopbackReceiver implements AutoCloseable {
  public record Received(String method, String path, Map<String, String> headers, byte[] body, long atMillis) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public record Answer(int status, Map<String, String> headers, long delayMillis) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private volatile Answer fallback;
  private volatile boolean echo;
  private final String prefix = "/r" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

  private final String host;

  public LoopbackReceiver() throws IOException {
    this("127.0.0.1");
  }

  /** @param loopbackAddress an address in 127.0.0.0/8 to listen on (Linux answers on all of them) */
  public LoopbackReceiver(String loopbackAddress) throws IOException {
    if (!loopbackAddress.startsWith("127.")) {
      throw new IllegalArgumentException("tests listen on loopback only: " + loopbackAddress);
    }
    host = loopbackAddress;
    server = HttpServer.create(new InetSocketAddress(loopbackAddress, 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String uri = exchange.getRequestURI().toString();
          if (!uri.startsWith(prefix + "/") && !uri.startsWith(prefix + "?") && !uri.equals(prefix)) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          Map<String, String> headers = new TreeMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestMethod(), uri.substring(prefix.length()), headers, body, System.currentTimeMillis()));
          Answer answer = answers.poll();
          if (answer == null && fallback != null) {
            answer = fallback;
          }
          if (answer != null && answer.delayMillis() > 0) {
            try {
              Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          int status = answer == null ? 200 : answer.status();
          if (answer != null) {
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          }
          byte[] reply = (echo ? echoOf(headers, body) : "{\"received\":" + received.size() + "}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public String url(String path) {
    return "http://" + host + ":" + server.getAddress().getPort() + prefix + path;
  }

  public void answer(int status) {
    answers.add(new Answer(status, Map.of(), 0));
  }

  public void answer(int status, Map<String, String> headers) {
    answers.add(new Answer(status, headers, 0));
  }

  /** How to answer once the queued answers are used up (default: 200 at once). */
  public void otherwise(int status, long delayMillis) {
    fallback = new Answer(status, Map.of(), delayMillis);
  }

  /** Answers every request with its own headers and body as JSON, as many real receivers do. */
  public void echo() {
    echo = true;
  }

  private static String echoOf(Map<String, String> headers, byte[] body) {
    jakarta.json.JsonObjectBuilder h = jakarta.json.Json.createObjectBuilder();
    headers.forEach(h::add);
    return jakarta.json.Json.createObjectBuilder()
        .add("headers", h)
        .add("body", new String(body, StandardCharsets.UTF_8))
        .build()
        .toString();
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  /** Waits until {@code count} requests arrived, or fails after {@code timeout}. */
  public List<Received> await(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (received.size() < count && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    if (received.size() < count) {
      throw new AssertionError("expected " + count + " requests within " + timeout + ", got " + received.size());
    }
    return received();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
