package dev.alertwire.web.startup;

import java.util.List;

/**
 * The start-up message as a block that stands out among Payara's few hundred lines: one log record, a
 * rule of ===== above and below, each line on its own.
 */
final class StartupBox {
  private StartupBox() {}

  static String render(List<String> lines) {
    int width = Math.max(72, lines.stream().mapToInt(String::length).max().orElse(0) + 4);
    String rule = "=".repeat(width);
    StringBuilder box = new StringBuilder("\n").append(rule).append('\n');
    for (String line : lines) {
      box.append(line.isEmpty() ? "" : "  " + line).append('\n');
    }
    return box.append(rule).toString();
  }
}
