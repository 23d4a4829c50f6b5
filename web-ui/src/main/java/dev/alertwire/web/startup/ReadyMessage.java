package dev.alertwire.web.startup;

import dev.alertwire.delivery.config.AlertwireConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Tells the person who started the app where to open it, once everything is up. */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "DeliveryScheduler"})
public class ReadyMessage {
  private static final Logger LOG = Logger.getLogger(ReadyMessage.class.getName());

  @Inject AlertwireConfig config;

  @PostConstruct
  void announce() {
    LOG.info(() -> "Alertwire is ready: open " + config.baseUrl() + " (data in " + config.dataDir().toAbsolutePath().normalize() + ")");
  }
}
