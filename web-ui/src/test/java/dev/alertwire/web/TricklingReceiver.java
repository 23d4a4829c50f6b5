package dev.alertwire.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow receiver on 127.0.0.1: answers each request's headers at once (200, Content-Length 100000) and then
 * its body one byte every {@code every}, until the client closes the connection. Notes when each connection
 * was opened and closed by the client.
 */
final class TricklingReceiver implements AutoCloseable {
  record Connection(long openedAtMillis, long closedAtMillis) {}

  private final ServerSocket server;
  private final Duration every;
  private final AtomicInteger open = new AtomicInteger();
  private final List<Connection> closed = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;

  TricklingReceiver(Duration every) throws IOException {
    this.every = every;
    server = new ServerSocket(0, 200, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    acceptor = new Thread(this::acceptLoop, "trickling-receiver");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  int accepted() {
    return accepted.get();
  }

  int open() {
    return open.get();
  }

  List<Connection> closed() {
    return List.copyOf(closed);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        accepted.incrementAndGet();
        Thread t = new Thread(() -> trickle(s), "trickling-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException closedServer) {
        return;
      }
    }
  }

  private void trickle(Socket s) {
    long opened = System.currentTimeMillis();
    open.incrementAndGet();
    try (s) {
      InputStream in = s.getInputStream();
      readRequest(in);
      OutputStream out = s.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      s.setSoTimeout((int) every.toMillis());
      while (!server.isClosed()) {
        try {
          if (in.read() < 0) {
            break; // the client closed the connection
          }
        } catch (java.net.SocketTimeoutException quiet) {
          out.write('x');
          out.flush();
        }
      }
    } catch (SocketException | RuntimeException reset) {
      // the client closed the connection while a byte was on its way
    } catch (IOException e) {
      // the same
    } finally {
      open.decrementAndGet();
      closed.add(new Connection(opened, System.currentTimeMillis()));
    }
  }

  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.length() < 65536 && !head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        return;
      }
      head.append((char) c);
    }
    String lower = head.toString().toLowerCase();
    int at = lower.indexOf("content-length:");
    if (at >= 0) {
      in.readNBytes(Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim()));
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
