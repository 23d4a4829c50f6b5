package dev.alertwire.delivery.config;

import dev.alertwire.domain.request.RequestRenderer;
import dev.alertwire.domain.template.TemplateEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/** The plain-Java collaborators the EJBs share: one clock, one template engine (its cache is app-wide). */
@ApplicationScoped
public class Infrastructure {
  @Inject
  @ConfigProperty(name = "alertwire.timezone", defaultValue = "UTC")
  String timezone;

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  TemplateEngine templateEngine(Clock clock) {
    return new TemplateEngine(clock, ZoneId.of(timezone));
  }

  @Produces
  @Singleton
  RequestRenderer requestRenderer(TemplateEngine engine) {
    return new RequestRenderer(engine);
  }
}
