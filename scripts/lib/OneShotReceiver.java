import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A loopback receiver for the smoke scripts: answers every request 200 and appends its method, path, body and
 * the time it arrived (" @" and milliseconds since the epoch) as one line to the file named by the second argument. Run as a single-file program:
 * {@code java scripts/lib/OneShotReceiver.java PORT FILE}. It binds 127.0.0.1 only.
 */
public class OneShotReceiver {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
          + " " + body.replace('\n', ' ') + " @" + System.currentTimeMillis() + "\n";
      Files.writeString(out, line, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    System.out.println("receiving on 127.0.0.1:" + port);
  }
}
