package dev.alertwire.web.startup;

import java.lang.reflect.Method;

/**
 * The port this server's HTTP listener was started on, to ask the app itself whether it answers. Payara
 * Micro knows it (--port, which may differ from ALERTWIRE_PORT: the tests pick a free one); on a full
 * Payara Server, or when Payara Micro's launcher cannot be reached, the configured ALERTWIRE_PORT.
 */
final class OwnPort {
  private OwnPort() {}

  static int of(int configured) {
    try {
      Class<?> launcher = Class.forName("fish.payara.micro.boot.PayaraMicroLauncher");
      Object boot = launcher.getMethod("getBootClass").invoke(null);
      Class<?> bootType = Class.forName("fish.payara.micro.boot.PayaraMicroBoot", false, launcher.getClassLoader());
      Method httpPort = bootType.getMethod("getHttpPort");
      int port = (Integer) httpPort.invoke(boot);
      return port > 0 ? port : configured;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError notPayaraMicro) {
      return configured;
    }
  }
}
