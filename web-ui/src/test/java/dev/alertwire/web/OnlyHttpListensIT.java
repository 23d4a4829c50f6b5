package dev.alertwire.web;

import static dev.alertwire.web.Deliveries.alert;
import static dev.alertwire.web.Deliveries.channel;
import static dev.alertwire.web.Deliveries.create;
import static dev.alertwire.web.Deliveries.deliveryFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped WAR on Payara Micro, started with the options the app is really started with
 * ({@code payara.micro.options} in web-ui/pom.xml): the JVM listens on the HTTP port and nothing else. No
 * Hazelcast member on *:6900 that any host could join as cluster "development" without a password. And the
 * EJB timers still fire without the data grid: a failed attempt is retried, which only a timer does.
 */
class OnlyHttpListensIT {
  private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

  @Test
  void onlyTheHttpPortListensAndTimersStillFire() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp")), "reads the sockets from Linux's /proc");
    Path data = Files.createTempDirectory(Path.of("target"), "only-http-data");
    File log = new File("target/only-http-payara.log");
    Files.deleteIfExists(log.toPath());
    try (LoopbackReceiver receiver = new LoopbackReceiver();
        PayaraProcess app = new PayaraProcess(data, log)) {
      app.start(List.of());
      ApiClient api = new ApiClient(app.url());

      // Timers: the first attempt fails; the retry 2 s later can only come from an EJB timer (the
      // single-action wake-up, or the 15 s sweep).
      receiver.answer(500);
      JsonObject ch = create(api, channel("only-http", receiver.url("/only-http")).add("retryDelayMs", 2_000).add("maxRetries", 3));
      String id = deliveryFor(api, alert(api, "ALERT_FAILURE", "only-http"), ch.getString("id"));
      JsonObject done = Deliveries.awaitStatus(api, id, "SUCCEEDED");
      assertEquals(2, done.getJsonArray("attempts").size(), done.toString());
      assertEquals(2, receiver.await(2, Deliveries.WAIT).size());

      // Checked once everything has started, deployed and sent.
      Set<Long> inodes = socketInodes(app.pid());
      List<String> tcp = new ArrayList<>();
      tcp.addAll(sockets(app.pid(), "tcp", inodes, true));
      tcp.addAll(sockets(app.pid(), "tcp6", inodes, true));
      assertEquals(Set.of(app.url().getPort()), ports(tcp), "listening TCP sockets of Payara Micro: " + tcp + "; see " + log);
      // An unconnected UDP socket receives from anyone (Hazelcast's multicast discovery is one).
      List<String> udp = new ArrayList<>();
      udp.addAll(sockets(app.pid(), "udp", inodes, false));
      udp.addAll(sockets(app.pid(), "udp6", inodes, false));
      assertTrue(udp.isEmpty(), "UDP sockets open to anyone: " + udp);
      assertTrue(!Files.readString(log.toPath()).contains("DataGrid:"), "a Hazelcast member started; see " + log);
    }
  }

  /** The inodes of the sockets the process holds: its file descriptors that link to "socket:[inode]". */
  private static Set<Long> socketInodes(long pid) throws IOException {
    Set<Long> inodes = new HashSet<>();
    try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          Matcher m = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
          if (m.matches()) {
            inodes.add(Long.parseLong(m.group(1)));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed between listing and reading
        }
      }
    }
    return inodes;
  }

  /**
   * Rows of /proc/pid/net/{tcp,tcp6,udp,udp6} that belong to the process, as "table local-address:port":
   * TCP sockets in state LISTEN (0A), or UDP sockets with no remote address (unconnected: they take datagrams
   * from anyone).
   */
  private static List<String> sockets(long pid, String table, Set<Long> inodes, boolean tcp) throws IOException {
    List<String> found = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.trim().split("\\s+");
      String local = f[1], remote = f[2], state = f[3];
      long inode = Long.parseLong(f[9]);
      boolean open = tcp ? state.equals("0A") : remote.substring(remote.indexOf(':') + 1).equals("0000");
      if (open && inodes.contains(inode)) {
        found.add(table + " " + local.substring(0, local.indexOf(':')) + ":" + Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
      }
    }
    return found;
  }

  private static Set<Integer> ports(List<String> sockets) {
    Set<Integer> ports = new TreeSet<>();
    for (String s : sockets) {
      ports.add(Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)));
    }
    return ports;
  }
}
