package dev.alertwire.delivery.console;

import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.delivery.access.FirstStartCredentials;
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
 * password that is shown this once, in the start-up message's box (with the first API token, if generated):
 * the only secrets the application ever logs, because otherwise nobody could sign in. A configured password
 * shorter than 12 characters stops the start, with the reason logged.
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
  @Inject FirstStartCredentials credentials;

  @PostConstruct
  void create() {
    Optional<ConsoleUsers.FirstAdminCreated> outcome;
    try {
      outcome = users.ensureFirstAdmin(configuredPassword);
    } catch (RuntimeException e) {
      InvalidInputException refused = refusal(e);
      if (refused == null) {
        throw e;
      }
      // A weak first password is a configuration error: Alertwire does not start rather than run with it.
      String line = "Alertwire did not start: " + refused.getMessage() + "; set a longer one (or unset it to have one generated)";
      LOG.severe(line);
      throw new IllegalStateException(line);
    }
    outcome.ifPresent(
        created ->
            created
                .generatedPassword()
                .ifPresentOrElse(
                    generated -> {
                      credentials.adminPassword(generated);
                      LOG.info("Created admin user; its password is shown once, in the box of the start-up message");
                    },
                    () -> LOG.info("Created admin user with the password from ALERTWIRE_ADMIN_PASSWORD")));
  }

  private static InvalidInputException refusal(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }
}
