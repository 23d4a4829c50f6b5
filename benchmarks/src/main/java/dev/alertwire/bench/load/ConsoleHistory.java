package dev.alertwire.bench.load;

/** Times the console's delivery history page after a form sign-in (filled in once the console is merged). */
final class ConsoleHistory {
  private ConsoleHistory() {}

  static void time(String base, String user, String password, int repeat) {
    System.out.println("console: not measured in this build");
  }
}
