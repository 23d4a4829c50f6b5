package dev.alertwire.delivery.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the first start (no users yet) creates {@code admin} with ALERTWIRE_ADMIN_PASSWORD, or with a generated
 * password that is logged this once: the only secret the application ever logs, because otherwise nobody
 * could sign in.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdmin {
  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @Inject
  @ConfigProperty(name = "alertwire.admin.password")
  Optional<String> configuredPassword;

  @Inject ConsoleUsers users;

  @PostConstruct
  void create() {
    users
        .ensureFirstAdmin(configuredPassword)
        .ifPresent(
            created ->
                created
                    .generatedPassword()
                    .ifPresentOrElse(
                        generated -> LOG.warning("Created admin user; password: " + generated),
                        () -> LOG.info("Created admin user with the password from ALERTWIRE_ADMIN_PASSWORD")));
  }
}
