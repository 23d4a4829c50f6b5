package dev.alertwire.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain load client for the receiver's ceiling: the same POST over and over on keep-alive connections,
 * nothing else. Uses wrk when it is on the PATH (one thread); otherwise one Java thread per connection
 * with blocking sockets, which expects the {@link Receiver}'s fixed answer.
 */
final class LoadClient {
  private LoadClient() {}

  /** Runs for {@code seconds}; returns which client ran. The receiver counts what arrived. */
  static String run(String host, int port, String path, String body, int connections, int seconds, Path workDir)
      throws IOException, InterruptedException {
    if (onPath("wrk")) {
      Path script = workDir.resolve("wrk-post.lua");
      Files.writeString(
          script,
          "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [==[" + body + "]==]\n");
      Process p =
          new ProcessBuilder(
                  "wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "-s", script.toString(),
                  "http://" + host + ":" + port + path)
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(seconds + 30L, TimeUnit.SECONDS);
      Files.writeString(workDir.resolve("wrk-" + connections + ".txt"), output);
      return "wrk, 1 thread";
    }
    javaClient(host, port, path, body, connections, seconds);
    return "Java client, " + connections + " threads";
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static void javaClient(String host, int port, String path, String body, int connections, int seconds)
      throws InterruptedException {
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    byte[] request =
        ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\nContent-Length: "
                + payload.length + "\r\n\r\n" + body)
            .getBytes(StandardCharsets.UTF_8);
    int answerLength = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".length();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Thread t =
          new Thread(
              () -> {
                byte[] answer = new byte[answerLength];
                try (Socket s = new Socket(host, port)) {
                  s.setTcpNoDelay(true);
                  OutputStream o = s.getOutputStream();
                  InputStream in = s.getInputStream();
                  while (System.nanoTime() < end) {
                    o.write(request);
                    o.flush();
                    int got = 0;
                    while (got < answerLength) {
                      int n = in.read(answer, got, answerLength - got);
                      if (n < 0) {
                        throw new IOException("closed");
                      }
                      got += n;
                    }
                  }
                } catch (IOException e) {
                  errors.incrementAndGet();
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    if (errors.get() > 0) {
      System.out.println("  load client: " + errors.get() + " connections failed");
    }
  }
}
