package dev.alertwire.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.domain.channel.HttpMethod;
import dev.alertwire.domain.delivery.ErrorClass;
import dev.alertwire.domain.outbound.OutboundPolicy;
import dev.alertwire.domain.request.OutgoingRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The attempt deadline and the address check, against receivers on 127.0.0.1 only. */
@Timeout(60)
class HttpSenderDeadlineTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
    timers.shutdownNow();
  }

  private HttpSender sender(OutboundPolicy policy, Set<Integer> ownPorts) {
    return new HttpSender(executor, timers, Clock.systemUTC(), new OutboundGuard(policy, ownPorts));
  }

  private static OutgoingRequest post(String url) {
    return new OutgoingRequest(HttpMethod.POST, URI.create(url), List.of(), "{\"t\":1}");
  }

  /**
   * A receiver on 127.0.0.1 that answers headers at once and then one body byte every {@code every}; it
   * notes when the client closed the connection (a write fails, or a read sees the end).
   */
  private static final class TricklingReceiver implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    final AtomicLong closedAtNanos = new AtomicLong();
    final AtomicInteger connections = new AtomicInteger();
    final Thread thread;

    TricklingReceiver(Duration every, boolean sendHeaders) throws IOException {
      thread =
          new Thread(
              () -> {
                try (Socket s = server.accept()) {
                  connections.incrementAndGet();
                  InputStream in = s.getInputStream();
                  readHeadersAndBody(in);
                  OutputStream out = s.getOutputStream();
                  if (sendHeaders) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                  }
                  s.setSoTimeout((int) every.toMillis());
                  while (true) {
                    try {
                      if (in.read() < 0) {
                        break; // the client closed its side
                      }
                    } catch (java.net.SocketTimeoutException quiet) {
                      // nothing from the client: send the next byte
                    }
                    if (sendHeaders) {
                      out.write('x');
                      out.flush();
                    }
                  }
                } catch (IOException closed) {
                  // a write to a connection the client closed
                }
                closedAtNanos.set(System.nanoTime());
              });
      thread.setDaemon(true);
      thread.start();
    }

    private static void readHeadersAndBody(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          return;
        }
        head.append((char) c);
      }
      String lower = head.toString().toLowerCase();
      int at = lower.indexOf("content-length:");
      if (at >= 0) {
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
      }
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  @Test
  void aBodyTrickledAByteAtATimeEndsAsATimeoutAtTheDeadlineAndTheConnectionIsClosed() throws Exception {
    try (TricklingReceiver receiver = new TricklingReceiver(Duration.ofMillis(200), true)) {
      long start = System.nanoTime();
      SendResult result =
          sender(OutboundPolicy.DEFAULT, Set.of())
              .send(post("http://127.0.0.1:" + receiver.port() + "/hook"), Duration.ofSeconds(5), Duration.ofMillis(1500))
              .get(10, TimeUnit.SECONDS);
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertEquals(ErrorClass.TIMEOUT, result.error(), result.toString());
      assertNull(result.status());
      assertTrue(tookMs >= 1400 && tookMs < 3000, "ended at the 1.5 s deadline, took " + tookMs + " ms");
      assertTrue(result.errorMessage().contains("response timeout of 1500 ms (the response headers had arrived"), result.errorMessage());
      receiver.thread.join(5000);
      assertTrue(receiver.closedAtNanos.get() != 0, "the client closed the connection");
      long closedAfterMs = (receiver.closedAtNanos.get() - start) / 1_000_000;
      assertTrue(closedAfterMs < 1500 + 1000, "closed within a second of the deadline: " + closedAfterMs + " ms");
    }
  }

  /**
   * What waits on a timed-out attempt (the dispatcher records it, and has given its channel's slot to the next
   * request by then) runs after the exchange is given up, not before: a callback that waits for the receiver
   * to see the connection closed sees it. Completing first and closing after made the callback's wait (the
   * record's commit) a time in which the channel had one request more open than its limit.
   */
  @Test
  void theExchangeIsGivenUpBeforeATimeoutIsReported() throws Exception {
    try (TricklingReceiver receiver = new TricklingReceiver(Duration.ofMillis(100), true)) {
      java.util.concurrent.CompletableFuture<Boolean> closedSeen =
          sender(OutboundPolicy.DEFAULT, Set.of())
              .send(post("http://127.0.0.1:" + receiver.port() + "/hook"), Duration.ofSeconds(5), Duration.ofMillis(800))
              .thenApply(
                  result -> {
                    assertEquals(ErrorClass.TIMEOUT, result.error(), result.toString());
                    try {
                      receiver.thread.join(3000); // the receiver's thread ends when it sees the connection closed
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return receiver.closedAtNanos.get() != 0;
                  });
      assertTrue(closedSeen.get(10, TimeUnit.SECONDS), "the connection was closed while the timeout's callback ran");
    }
  }

  @Test
  void noResponseHeadersEndsAsATimeoutAtTheDeadline() throws Exception {
    try (TricklingReceiver receiver = new TricklingReceiver(Duration.ofMillis(200), false)) {
      long start = System.nanoTime();
      SendResult result =
          sender(OutboundPolicy.DEFAULT, Set.of())
              .send(post("http://127.0.0.1:" + receiver.port() + "/hook"), Duration.ofSeconds(5), Duration.ofMillis(1000))
              .get(10, TimeUnit.SECONDS);
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertEquals(ErrorClass.TIMEOUT, result.error(), result.toString());
      assertTrue(tookMs >= 900 && tookMs < 2500, "took " + tookMs + " ms");
      receiver.thread.join(5000);
      assertTrue(receiver.closedAtNanos.get() != 0, "the client closed the connection");
    }
  }

  /**
   * What waits on an attempt's outcome (the dispatcher records the attempt and waits for the group commit)
   * runs where the outcome completes. At a deadline that must not be the one timer thread, or every other
   * attempt's deadline waits behind it. The first attempt does not start before its deadline (its start is
   * held back), so the deadline completes it; the second's body trickles, which only the deadline ends.
   */
  @Test
  void aSlowConsumerOfOneDeadlineDoesNotHoldUpTheNext() throws Exception {
    AtomicBoolean firstTask = new AtomicBoolean(true);
    Executor holdingTheFirstStart =
        task -> {
          if (firstTask.compareAndSet(true, false)) {
            timers.schedule(() -> executor.execute(task), 4, TimeUnit.SECONDS);
          } else {
            executor.execute(task);
          }
        };
    HttpSender sender = new HttpSender(holdingTheFirstStart, timers, Clock.systemUTC(), new OutboundGuard(OutboundPolicy.DEFAULT, Set.of()));
    try (TricklingReceiver first = new TricklingReceiver(Duration.ofMillis(200), false);
        TricklingReceiver second = new TricklingReceiver(Duration.ofMillis(200), true)) {
      CountDownLatch secondDone = new CountDownLatch(1);
      CompletableFuture<SendResult> one =
          sender.send(post("http://127.0.0.1:" + first.port() + "/hook"), Duration.ofSeconds(5), Duration.ofMillis(1500));
      CompletableFuture<Boolean> heldUntilTheSecondEnded =
          one.thenApply(
              r -> {
                try {
                  return secondDone.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return false;
                }
              });
      CompletableFuture<SendResult> two =
          sender.send(post("http://127.0.0.1:" + second.port() + "/hook"), Duration.ofSeconds(5), Duration.ofMillis(3000));
      // Not answered within 8 s: its deadline waited behind the first attempt's consumer.
      SendResult secondResult = two.get(8, TimeUnit.SECONDS);
      secondDone.countDown();
      assertEquals(ErrorClass.TIMEOUT, secondResult.error(), secondResult.toString());
      assertTrue(heldUntilTheSecondEnded.get(20, TimeUnit.SECONDS));
      assertEquals(ErrorClass.TIMEOUT, one.get().error());
    }
  }

  @Test
  void manyTricklingAttemptsAllEndAtTheirDeadline() throws Exception {
    List<TricklingReceiver> receivers = new java.util.ArrayList<>();
    try {
      HttpSender sender = sender(OutboundPolicy.DEFAULT, Set.of());
      List<CompletableFuture<SendResult>> results = new java.util.ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        TricklingReceiver r = new TricklingReceiver(Duration.ofMillis(300), true);
        receivers.add(r);
        results.add(sender.send(post("http://127.0.0.1:" + r.port() + "/"), Duration.ofSeconds(5), Duration.ofMillis(1000)));
      }
      for (CompletableFuture<SendResult> f : results) {
        assertEquals(ErrorClass.TIMEOUT, f.get(10, TimeUnit.SECONDS).error());
      }
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMs < 3000, "20 trickling attempts ended together at the deadline: " + tookMs + " ms");
      for (TricklingReceiver r : receivers) {
        r.thread.join(5000);
        assertTrue(r.closedAtNanos.get() != 0, "every connection closed");
      }
    } finally {
      for (TricklingReceiver r : receivers) {
        r.close();
      }
    }
  }

  @Test
  void theOwnListenerIsRefusedInAnyNotationWithoutConnecting() throws Exception {
    try (TricklingReceiver receiver = new TricklingReceiver(Duration.ofMillis(200), true)) {
      int port = receiver.port();
      HttpSender sender = sender(OutboundPolicy.DEFAULT, Set.of(port));
      SendResult plain = sender.send(post("http://127.0.0.1:" + port + "/api/v1/alerts"), Duration.ofSeconds(5), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
      assertEquals(ErrorClass.ADDRESS_REFUSED, plain.error());
      assertEquals("127.0.0.1:" + port + " is Alertwire's own listener", plain.errorMessage());
      SendResult decimal = sender.send(post("http://2130706433:" + port + "/"), Duration.ofSeconds(5), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
      assertEquals(ErrorClass.ADDRESS_REFUSED, decimal.error());
      assertEquals("2130706433 is 127.0.0.1: 127.0.0.1:" + port + " is Alertwire's own listener", decimal.errorMessage());
      SendResult mapped = sender.send(post("http://[::ffff:127.0.0.1]:" + port + "/"), Duration.ofSeconds(5), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
      assertEquals("[::ffff:127.0.0.1] is 127.0.0.1: 127.0.0.1:" + port + " is Alertwire's own listener", mapped.errorMessage());
      for (String host : List.of("0x7f000001", "0177.0.0.1", "017700000001")) {
        SendResult r = sender.send(post("http://" + host + ":" + port + "/"), Duration.ofSeconds(5), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals(host + " is 127.0.0.1: 127.0.0.1:" + port + " is Alertwire's own listener", r.errorMessage());
      }
      Thread.sleep(200);
      assertEquals(0, receiver.connections.get(), "nothing connected");
    }
  }

  @Test
  void aDecimalHostIsSentToTheCanonicalAddressItWasCheckedAs() throws Exception {
    try (TricklingReceiver receiver = new TricklingReceiver(Duration.ofMillis(100), true)) {
      SendResult result =
          sender(OutboundPolicy.DEFAULT, Set.of())
              .send(post("http://2130706433:" + receiver.port() + "/"), Duration.ofSeconds(5), Duration.ofMillis(2000))
              .get(10, TimeUnit.SECONDS);
      assertEquals(1, receiver.connections.get(), "reached 127.0.0.1: " + result);
      assertEquals(ErrorClass.TIMEOUT, result.error());
    }
  }

  @Test
  void theUriIsRewrittenToTheCanonicalIpv4Address() throws Exception {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    assertEquals(
        URI.create("http://127.0.0.1:1234/x/y?a=b%20c"),
        OutboundGuard.withHost(URI.create("http://0177.0.0.1:1234/x/y?a=b%20c"), loopback));
    assertEquals(URI.create("https://127.0.0.1/"), OutboundGuard.withHost(URI.create("https://0x7f000001/"), loopback));
    assertEquals(URI.create("http://127.0.0.1:8080/"), OutboundGuard.withHost(URI.create("http://127.0.0.1:8080/"), loopback));
  }

  @Test
  void aConfiguredDenyListRefusesWithItsRule() throws Exception {
    HttpSender sender = sender(OutboundPolicy.parse("", "127.0.0.2/32"), Set.of());
    SendResult r = sender.send(post("http://127.0.0.2:9/"), Duration.ofSeconds(5), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
    assertEquals(ErrorClass.ADDRESS_REFUSED, r.error());
    assertEquals("127.0.0.2 is in the denied range 127.0.0.2/32 (ALERTWIRE_OUTBOUND_DENY)", r.errorMessage());
  }
}
