package dev.alertwire.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 receiver on loopback: one NIO selector thread, keep-alive, answers {@code 200} at once
 * to every request. It records each request's arrival (System.nanoTime) and, when the body carries
 * {@code "t0":"<nanoTime>"} (the send time the load driver put in the alert and the channel template
 * copied), the latency from posting the alert to the request being here. The driver and this receiver
 * run in one JVM, so both clocks are the same System.nanoTime. It counts the requests that repeat a delivery
 * id ({@code X-Alertwire-Delivery-Id}) already received since the last reset: every one was answered 200, so
 * a repeat is a delivery sent again after a success (allowed, as delivery is at least once, but never
 * expected while the receiver answers at once).
 *
 * <p>{@code java ... Receiver PORT SECONDS} runs it alone for a plain load client (wrk) to measure its
 * ceiling; it stops by itself after SECONDS.
 */
public final class Receiver implements AutoCloseable {
  private static final byte[] OK =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] T0 = "\"t0\":\"".getBytes(StandardCharsets.US_ASCII);

  private final int port;
  private final int capacity;
  private final long[] latencies;
  private final long[] arrivals;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong withT0 = new AtomicLong();
  private final AtomicLong repeats = new AtomicLong();
  /** Delivery ids received since the last reset; the selector thread's alone, but for {@link #reset}. */
  private final Set<String> seen = new HashSet<>();
  private volatile long firstArrival;
  private volatile long lastArrival;
  private volatile boolean running;
  private Selector selector;
  private ServerSocketChannel server;
  private Thread thread;

  public Receiver(int port, int capacity) {
    this.port = port;
    this.capacity = capacity;
    this.latencies = new long[capacity];
    this.arrivals = new long[capacity];
  }

  public int port() {
    return server.socket().getLocalPort();
  }

  public synchronized Receiver start() throws IOException {
    selector = Selector.open();
    server = ServerSocketChannel.open();
    server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
    running = true;
    thread = new Thread(this::loop, "receiver-" + port);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Stops listening and drops every connection: the receiver is down. */
  @Override
  public synchronized void close() throws IOException {
    running = false;
    if (selector != null) {
      selector.wakeup();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Forgets what was recorded. */
  public synchronized void reset() {
    count.set(0);
    withT0.set(0);
    repeats.set(0);
    synchronized (seen) {
      seen.clear();
    }
    firstArrival = 0;
    lastArrival = 0;
  }

  public long count() {
    return count.get();
  }

  /** Requests whose delivery id had already been received since the last reset. */
  public long repeats() {
    return repeats.get();
  }

  public long firstArrival() {
    return firstArrival;
  }

  public long lastArrival() {
    return lastArrival;
  }

  /** Latencies (ns) of the requests that carried t0, in arrival order. */
  public long[] latencies() {
    int n = (int) Math.min(withT0.get(), capacity);
    long[] copy = new long[n];
    System.arraycopy(latencies, 0, copy, 0, n);
    return copy;
  }

  /** Arrival times (nanoTime) of every request, in order (up to the capacity). */
  public long[] arrivals() {
    int n = (int) Math.min(count.get(), capacity);
    long[] copy = new long[n];
    System.arraycopy(arrivals, 0, copy, 0, n);
    return copy;
  }

  private void loop() {
    try {
      while (running) {
        selector.select(200);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            SocketChannel c;
            while ((c = server.accept()) != null) {
              c.configureBlocking(false);
              c.setOption(StandardSocketOptions.TCP_NODELAY, true);
              c.register(selector, SelectionKey.OP_READ, new Conn());
            }
          } else {
            try {
              if (key.isReadable()) {
                read(key);
              }
              if (key.isValid() && key.isWritable()) {
                flush(key);
              }
            } catch (IOException e) {
              closeQuietly(key);
            }
          }
        }
      }
    } catch (IOException e) {
      System.err.println("receiver failed: " + e);
    } finally {
      for (SelectionKey key : new ArrayList<>(selector.keys())) {
        closeQuietly(key);
      }
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private static final class Conn {
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    final List<ByteBuffer> out = new ArrayList<>();
  }

  private void read(SelectionKey key) throws IOException {
    SocketChannel ch = (SocketChannel) key.channel();
    Conn conn = (Conn) key.attachment();
    int n = ch.read(conn.in);
    if (n < 0) {
      closeQuietly(key);
      return;
    }
    if (!conn.in.hasRemaining()) {
      ByteBuffer bigger = ByteBuffer.allocate(conn.in.capacity() * 2);
      conn.in.flip();
      bigger.put(conn.in);
      conn.in = bigger;
    }
    // Parse every complete request in the buffer.
    byte[] buf = conn.in.array();
    int start = 0;
    int end = conn.in.position();
    while (true) {
      int headerEnd = indexOf(buf, start, end, new byte[] {'\r', '\n', '\r', '\n'});
      if (headerEnd < 0) {
        break;
      }
      int bodyStart = headerEnd + 4;
      String headers = new String(buf, start, headerEnd - start, StandardCharsets.ISO_8859_1);
      int length = Integer.parseInt(header(headers, "content-length:", "0"));
      if (bodyStart + length > end) {
        break;
      }
      arrived(buf, bodyStart, bodyStart + length, header(headers, "x-alertwire-delivery-id:", null));
      conn.out.add(ByteBuffer.wrap(OK));
      start = bodyStart + length;
    }
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      conn.in.position(end - start);
    }
    flush(key);
  }

  private void arrived(byte[] buf, int from, int to, String deliveryId) {
    long now = System.nanoTime();
    if (deliveryId != null) {
      boolean first;
      synchronized (seen) {
        first = seen.add(deliveryId);
      }
      if (!first) {
        repeats.incrementAndGet();
      }
    }
    long i = count.getAndIncrement();
    if (i == 0) {
      firstArrival = now;
    }
    lastArrival = now;
    if (i < capacity) {
      arrivals[(int) i] = now;
    }
    int at = indexOf(buf, from, to, T0);
    if (at >= 0) {
      long t0 = 0;
      boolean negative = false;
      int p = at + T0.length;
      if (p < to && buf[p] == '-') {
        negative = true;
        p++;
      }
      while (p < to && buf[p] >= '0' && buf[p] <= '9') {
        t0 = t0 * 10 + (buf[p] - '0');
        p++;
      }
      long j = withT0.getAndIncrement();
      if (j < capacity) {
        latencies[(int) j] = now - (negative ? -t0 : t0);
      }
    }
  }

  private void flush(SelectionKey key) throws IOException {
    SocketChannel ch = (SocketChannel) key.channel();
    Conn conn = (Conn) key.attachment();
    while (!conn.out.isEmpty()) {
      ByteBuffer b = conn.out.get(0);
      ch.write(b);
      if (b.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        return;
      }
      conn.out.remove(0);
    }
    key.interestOps(SelectionKey.OP_READ);
  }

  private static void closeQuietly(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // gone
    }
  }

  private static int indexOf(byte[] buf, int from, int to, byte[] what) {
    outer:
    for (int i = from; i <= to - what.length; i++) {
      for (int k = 0; k < what.length; k++) {
        if (buf[i + k] != what[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The value of the first header of this name (given lower case, with its colon), or {@code absent}. */
  private static String header(String headers, String nameAndColon, String absent) {
    int lineStart = 0;
    while (lineStart < headers.length()) {
      int lineEnd = headers.indexOf("\r\n", lineStart);
      if (lineEnd < 0) {
        lineEnd = headers.length();
      }
      if (lineEnd - lineStart > nameAndColon.length() && headers.regionMatches(true, lineStart, nameAndColon, 0, nameAndColon.length())) {
        return headers.substring(lineStart + nameAndColon.length(), lineEnd).trim();
      }
      lineStart = lineEnd + 2;
    }
    return absent;
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
    try (Receiver r = new Receiver(port, 1 << 20).start()) {
      System.out.println("receiver on 127.0.0.1:" + r.port() + " for " + seconds + " s");
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      long last = 0;
      while (System.nanoTime() < end) {
        Thread.sleep(1000);
        long c = r.count();
        System.out.println("requests/s " + (c - last) + " total " + c);
        last = c;
      }
    }
  }
}
