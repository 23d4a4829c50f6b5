package dev.alertwire.delivery.dispatch;

import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.request.OutgoingRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import jakarta.inject.Inject;

/**
 * Sends requests with the JDK client, asynchronously: no thread waits on a receiver. Redirects are never
 * followed (a 3xx is the receiver's final answer). One client per connect timeout, because the JDK sets
 * that timeout per client.
 *
 * <p>Each attempt has one deadline, the channel's response timeout, counted from the start of the attempt:
 * resolving and checking the address, connecting, sending, the response headers and the whole (capped)
 * body. At the deadline the attempt is a TIMEOUT, the body subscription and the exchange are cancelled (the
 * JDK client then closes the connection) and the dispatcher's slot is free. Before anything is sent, the
 * target's address passes the outbound address policy ({@link OutboundGuard}).
 *
 * <p>The sending threads and the deadline timer are plain pools of threads made by the server's
 * {@link ManagedThreadFactory}: such a thread gets the application's context once, when it is made. The
 * server's managed executors set the context up again for every task, and the JDK client hands each
 * exchange several tasks: that bookkeeping (a class-path scan per task) was a tenth of the app's CPU while
 * delivering (docs/benchmarks.md, section 11). The sending pool grows as the JDK client's own default does
 * (a thread per task that finds none idle; idle ones end after a minute): it is bounded by the exchanges in
 * flight, which the dispatcher bounds, and a thread may wait there for the group commit that records its
 * attempt.
 */
@ApplicationScoped
public class HttpSender {
  static final int RESPONSE_BODY_LIMIT = 64 * 1024;

  @Resource ManagedThreadFactory threads;
  @Inject Clock clock;
  @Inject OutboundGuard guard;

  private Executor executor;
  private ScheduledExecutorService timers;
  private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

  public HttpSender() {}

  /** For tests, outside a container. */
  HttpSender(Executor executor, ScheduledExecutorService timers, Clock clock, OutboundGuard guard) {
    this.executor = executor;
    this.timers = timers;
    this.clock = clock;
    this.guard = guard;
  }

  @PostConstruct
  void init() {
    executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, threads);
    deadlines.setRemoveOnCancelPolicy(true); // most attempts end well before their deadline
    timers = deadlines;
  }

  @PreDestroy
  void close() {
    timers.shutdownNow();
    if (executor instanceof ThreadPoolExecutor pool) {
      pool.shutdown();
    }
  }

  /**
   * @param attemptTimeout the deadline of the whole attempt, from now: address check, connect, headers, body
   */
  public CompletableFuture<SendResult> send(OutgoingRequest request, Duration connectTimeout, Duration attemptTimeout) {
    Attempt attempt = new Attempt(request, connectTimeout, attemptTimeout);
    // The expiry runs on a sending thread: what waits on the outcome (recording the attempt) must not hold up
    // the one timer thread, and with it every other attempt's deadline.
    ScheduledFuture<?> deadline = timers.schedule(() -> onSendingThread(attempt::expire), attemptTimeout.toMillis(), TimeUnit.MILLISECONDS);
    attempt.outcome.whenComplete((r, e) -> deadline.cancel(false));
    try {
      executor.execute(attempt::start); // the address check may wait on DNS: not on the dispatcher's thread
    } catch (RejectedExecutionException e) {
      attempt.finish(null, ErrorClass.CONNECTION, "no thread to send on: " + e.getMessage());
    }
    return attempt.outcome;
  }

  private void onSendingThread(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.run(); // shutting down
    }
  }

  /** One attempt: whichever comes first, its answer or its deadline, completes {@link #outcome}. */
  private final class Attempt {
    final OutgoingRequest request;
    final Duration connectTimeout;
    final Duration attemptTimeout;
    final Instant started = clock.instant();
    final long startNanos = System.nanoTime();
    final CompletableFuture<SendResult> outcome = new CompletableFuture<>();
    /**
     * Set by whichever comes first, the answer or the deadline, before it completes {@link #outcome}: the
     * deadline gives the exchange up first, then completes it, because completing runs the dispatcher's
     * callback, which frees the channel's slot for its next request.
     */
    final java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
    volatile CompletableFuture<HttpResponse<byte[]>> call;
    volatile CappedBody body;
    volatile boolean vetted;

    Attempt(OutgoingRequest request, Duration connectTimeout, Duration attemptTimeout) {
      this.request = request;
      this.connectTimeout = connectTimeout;
      this.attemptTimeout = attemptTimeout;
    }

    long elapsedMillis() {
      return (System.nanoTime() - startNanos) / 1_000_000;
    }

    boolean finish(Integer status, ErrorClass error, String message) {
      return settle(new SendResult(started, elapsedMillis(), status, Map.of(), null, error, message));
    }

    boolean settle(SendResult result) {
      return settled.compareAndSet(false, true) && outcome.complete(result);
    }

    void start() {
      if (settled.get()) {
        return;
      }
      OutboundGuard.Verdict verdict = guard.vet(request.uri());
      vetted = true;
      if (!verdict.allowed()) {
        finish(null, verdict.refusedAs() == OutboundGuard.ErrorKind.POLICY ? ErrorClass.ADDRESS_REFUSED : ErrorClass.DNS,
            verdict.refusal());
        return;
      }
      Duration remaining = attemptTimeout.minusMillis(elapsedMillis());
      if (remaining.toMillis() <= 0) {
        expire();
        return;
      }
      HttpRequest httpRequest;
      try {
        httpRequest = toHttpRequest(request, verdict.uri(), remaining);
      } catch (IllegalArgumentException e) {
        finish(null, ErrorClass.INVALID_REQUEST, e.getMessage());
        return;
      }
      CompletableFuture<HttpResponse<byte[]>> sent =
          client(connectTimeout)
              .sendAsync(
                  httpRequest,
                  info -> {
                    CappedBody b = new CappedBody(RESPONSE_BODY_LIMIT);
                    body = b;
                    if (settled.get()) {
                      b.abort(new HttpTimeoutException("the attempt's deadline passed"));
                    }
                    return b;
                  });
      call = sent;
      sent.handle(
          (response, failure) -> {
            if (failure != null) {
              Throwable cause = unwrap(failure);
              return finish(null, classify(cause), describe(cause));
            }
            return settle(
                new SendResult(
                    started,
                    elapsedMillis(),
                    response.statusCode(),
                    lowerCaseKeys(response.headers().map()),
                    new String(response.body(), StandardCharsets.UTF_8),
                    null,
                    null));
          });
      if (settled.get()) {
        sent.cancel(true); // the deadline passed while the request was being started
      }
    }

    /** The deadline: a TIMEOUT, and the exchange and its connection are given up. */
    void expire() {
      CappedBody b = body;
      String phase =
          b != null
              ? "the response headers had arrived, " + b.received() + " bytes of the body by then"
              : call != null ? "connecting or waiting for the response headers" : vetted ? "starting the request" : "resolving the address";
      HttpTimeoutException why =
          new HttpTimeoutException(
              "the attempt took longer than the channel's response timeout of " + attemptTimeout.toMillis() + " ms (" + phase + ")");
      long elapsed = elapsedMillis();
      if (settled.compareAndSet(false, true)) {
        if (b != null) {
          b.abort(why);
        }
        CompletableFuture<HttpResponse<byte[]>> c = call;
        if (c != null) {
          c.cancel(true);
        }
        outcome.complete(new SendResult(started, elapsed, null, Map.of(), null, ErrorClass.TIMEOUT, describe(why)));
      }
    }
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

  private static HttpRequest toHttpRequest(OutgoingRequest request, java.net.URI uri, Duration responseTimeout) {
    HttpRequest.BodyPublisher body =
        request.method().sendsBody()
            ? HttpRequest.BodyPublishers.ofByteArray(request.bodyBytes())
            : HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(responseTimeout).method(request.method().name(), body);
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
