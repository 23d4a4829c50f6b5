package dev.alertwire.web;

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

/**
 * The sockets a process holds that anyone could reach, read from Linux's /proc: its file descriptors that link
 * to "socket:[inode]", matched to the rows of /proc/pid/net/{tcp,tcp6,udp,udp6}.
 */
final class ListeningSockets {
  private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

  private ListeningSockets() {}

  static boolean readable() {
    return Files.isReadable(Path.of("/proc/self/net/tcp"));
  }

  /** Listening TCP sockets, as "table address:port" (address dotted for IPv4 and IPv4-mapped rows, else hex). */
  static List<String> tcp(long pid) throws IOException {
    Set<Long> inodes = socketInodes(pid);
    List<String> found = new ArrayList<>(sockets(pid, "tcp", inodes, true));
    found.addAll(sockets(pid, "tcp6", inodes, true));
    return found;
  }

  /** Unconnected UDP sockets: they take datagrams from anyone (Hazelcast's multicast discovery is one). */
  static List<String> udp(long pid) throws IOException {
    Set<Long> inodes = socketInodes(pid);
    List<String> found = new ArrayList<>(sockets(pid, "udp", inodes, false));
    found.addAll(sockets(pid, "udp6", inodes, false));
    return found;
  }

  static Set<Integer> ports(List<String> sockets) {
    Set<Integer> ports = new TreeSet<>();
    for (String s : sockets) {
      ports.add(Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)));
    }
    return ports;
  }

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

  /** TCP rows in state LISTEN (0A), or UDP rows with no remote port (unconnected), that belong to the process. */
  private static List<String> sockets(long pid, String table, Set<Long> inodes, boolean tcp) throws IOException {
    List<String> found = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.trim().split("\\s+");
      String local = f[1], remote = f[2], state = f[3];
      long inode = Long.parseLong(f[9]);
      boolean open = tcp ? state.equals("0A") : remote.substring(remote.indexOf(':') + 1).equals("0000");
      if (open && inodes.contains(inode)) {
        found.add(table + " " + address(local.substring(0, local.indexOf(':'))) + ":" + Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
      }
    }
    return found;
  }

  /** /proc's hex address: IPv4 as four little-endian bytes; an IPv4-mapped IPv6 row ends with them. */
  private static String address(String hex) {
    String v4 = null;
    if (hex.length() == 8) {
      v4 = hex;
    } else if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
      v4 = hex.substring(24);
    }
    if (v4 == null) {
      return hex;
    }
    StringBuilder dotted = new StringBuilder();
    for (int i = 6; i >= 0; i -= 2) {
      dotted.append(Integer.parseInt(v4.substring(i, i + 2), 16)).append(i > 0 ? "." : "");
    }
    return dotted.toString();
  }
}
