package dev.alertwire.delivery.dispatch;

import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.request.OutgoingRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import jakarta.inject.Inject;

/**
 * Sends requests with the JDK client, asynchronously: no thread waits on a receiver. Redirects are never
 * followed (a 3xx is the receiver's final answer). One client per connect timeout, because the JDK sets
 * that timeout per client.
 */
@ApplicationScoped
public class HttpSender {
  static final int RESPONSE_BODY_LIMIT = 64 * 1024;

  @Resource ManagedExecutorService executor;
  @Inject Clock clock;

  private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

  public CompletableFuture<SendResult> send(OutgoingRequest request, Duration connectTimeout, Duration responseTimeout) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    HttpRequest httpRequest;
    try {
      httpRequest = toHttpRequest(request, responseTimeout);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          new SendResult(started, 0, null, Map.of(), null, ErrorClass.INVALID_REQUEST, e.getMessage()));
    }
    return client(connectTimeout)
        .sendAsync(httpRequest, CappedBody.handler(RESPONSE_BODY_LIMIT))
        .handle(
            (response, failure) -> {
              long millis = (System.nanoTime() - startNanos) / 1_000_000;
              if (failure != null) {
                Throwable cause = unwrap(failure);
                return new SendResult(started, millis, null, Map.of(), null, classify(cause), describe(cause));
              }
              return new SendResult(
                  started,
                  millis,
                  response.statusCode(),
                  lowerCaseKeys(response.headers().map()),
                  new String(response.body(), StandardCharsets.UTF_8),
                  null,
                  null);
            });
  }

  private HttpClient client(Duration connectTimeout) {
    return clients.computeIfAbsent(
        connectTimeout,
        t ->
            HttpClient.newBuilder()
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: an h2c upgrade offer confuses many webhook receivers.
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build());
  }

  private static HttpRequest toHttpRequest(OutgoingRequest request, Duration responseTimeout) {
    HttpRequest.BodyPublisher body =
        request.method().sendsBody()
            ? HttpRequest.BodyPublishers.ofByteArray(request.bodyBytes())
            : HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri()).timeout(responseTimeout).method(request.method().name(), body);
    for (Header h : request.headers()) {
      builder.header(h.name(), h.value());
    }
    return builder.build();
  }

  private static Map<String, java.util.List<String>> lowerCaseKeys(Map<String, java.util.List<String>> headers) {
    Map<String, java.util.List<String>> result = new TreeMap<>();
    headers.forEach((k, v) -> result.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return result;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /**
   * The most specific class anywhere in the cause chain wins: the JDK client reports a host that does not
   * resolve as a {@link ConnectException} caused by an {@link UnresolvedAddressException}, which is DNS, not
   * a refused connection.
   */
  static ErrorClass classify(Throwable t) {
    if (inChain(t, HttpConnectTimeoutException.class, HttpTimeoutException.class)) {
      return ErrorClass.TIMEOUT;
    }
    if (inChain(t, UnresolvedAddressException.class, UnknownHostException.class)) {
      return ErrorClass.DNS;
    }
    if (inChain(t, SSLException.class)) {
      return ErrorClass.TLS;
    }
    if (inChain(t, ConnectException.class)) {
      return ErrorClass.CONNECTION_REFUSED;
    }
    return ErrorClass.CONNECTION;
  }

  @SafeVarargs
  private static boolean inChain(Throwable t, Class<? extends Throwable>... types) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < 20; c = c.getCause(), depth++) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(c)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The exception and its causes, e.g. "ConnectException; caused by UnresolvedAddressException". */
  static String describe(Throwable t) {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    for (Throwable c = t; c != null && depth < 4; c = c.getCause() == c ? null : c.getCause(), depth++) {
      String message = c.getMessage();
      boolean said = message != null && !message.isBlank() && text.indexOf(message) >= 0;
      if (depth > 0 && said) {
        continue; // a cause whose text the outer message already quotes
      }
      text.append(depth == 0 ? "" : "; caused by ").append(c.getClass().getSimpleName());
      if (message != null && !message.isBlank() && (c.getCause() == null || !message.equals(c.getCause().toString()))) {
        text.append(": ").append(message);
      }
    }
    return text.toString();
  }
}
