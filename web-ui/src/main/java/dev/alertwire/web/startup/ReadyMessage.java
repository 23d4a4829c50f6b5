package dev.alertwire.web.startup;

import dev.alertwire.delivery.access.FirstStartCredentials;
import dev.alertwire.delivery.config.AlertwireConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the person who started the app where to open it, and the credentials the first start generated,
 * once the console and the API really answer. It used to be said by a start-up EJB, about 10 s before the
 * web module took requests (a restart served HTTP 500 in that gap). Now it asks the app's own HTTP listener
 * (on loopback, or on ALERTWIRE_BIND_ADDRESS when that is one address): the line is logged after GET /login.xhtml answered 200 and /health answered.
 */
@WebListener
public class ReadyMessage implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(ReadyMessage.class.getName());
  private static final Duration GIVE_UP = Duration.ofMinutes(10);

  @Inject AlertwireConfig config;
  @Inject FirstStartCredentials credentials;

  @Resource ManagedExecutorService executor;

  private volatile Future<?> waiting;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    String contextPath = event.getServletContext().getContextPath();
    waiting = executor.submit(() -> awaitAnswers(contextPath));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    Future<?> running = waiting;
    if (running != null) {
      running.cancel(true);
    }
  }

  private void awaitAnswers(String contextPath) {
    int port = OwnPort.of(config.port());
    String root = "http://" + config.selfAddress() + ":" + port + "/"; // loopback, unless the listener binds elsewhere
    String base = root + (contextPath.isEmpty() ? "" : contextPath.substring(1) + "/");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
    long end = System.nanoTime() + GIVE_UP.toNanos();
    String last = "no answer yet";
    try {
      while (System.nanoTime() < end) {
        HttpResponse<String> login = get(http, base + "login.xhtml");
        if (login != null && login.statusCode() == 200) {
          HttpResponse<String> health = get(http, root + "health"); // MicroProfile Health: at the server's root
          if (health != null) {
            announce(port, health.statusCode() == 200, health.statusCode() + " " + health.body().strip());
            return;
          }
          last = "/login.xhtml answered 200, /health did not answer";
        } else if (login != null) {
          last = "/login.xhtml answered " + login.statusCode();
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      return;
    }
    LOG.warning("The console did not answer on " + base + " within " + GIVE_UP.toMinutes() + " minutes (" + last + ")");
    announce(port, false, last);
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException notYet) {
      return null;
    }
  }

  private void announce(int port, boolean healthy, String health) {
    List<String> lines = new ArrayList<>();
    String where = config.baseUrl(port) + " (data in " + config.dataDir().toAbsolutePath().normalize() + ")";
    lines.add(healthy ? "Alertwire is ready: open " + where : "Alertwire answers, but /health is not UP (" + health + "): " + where);
    List<String> secrets = credentials.take();
    if (!secrets.isEmpty()) {
      lines.add("");
      lines.add("First start:");
      lines.addAll(secrets);
      lines.add("Change the password under your user name at the top right of the console.");
    }
    LOG.log(secrets.isEmpty() && healthy ? Level.INFO : Level.WARNING, StartupBox.render(lines));
  }
}
