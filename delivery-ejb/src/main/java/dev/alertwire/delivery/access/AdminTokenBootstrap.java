package dev.alertwire.delivery.access;

import dev.alertwire.persistence.token.ApiToken;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On first start with no API token, creates the admin token from ALERTWIRE_API_TOKEN, or generates one and
 * shows it once in the start-up message's box (FirstStartCredentials), so the first user can get in.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdminTokenBootstrap {
  private static final Logger LOG = Logger.getLogger(AdminTokenBootstrap.class.getName());

  @Inject ApiAccess access;
  @Inject FirstStartCredentials credentials;

  @Inject
  @ConfigProperty(name = "alertwire.api.token")
  Optional<String> configured;

  @PostConstruct
  void createFirstToken() {
    if (access.anyExists()) {
      return;
    }
    Optional<String> given = configured.map(String::trim).filter(s -> !s.isEmpty());
    if (given.isPresent()) {
      access.issue("admin (ALERTWIRE_API_TOKEN)", ApiToken.Role.ADMIN, given.get());
      LOG.info("Created the admin API token from ALERTWIRE_API_TOKEN");
    } else {
      String value = access.issue("admin (generated)", ApiToken.Role.ADMIN).value();
      credentials.apiToken(value);
      LOG.info("Created an admin API token; it is shown once, in the box of the start-up message");
    }
  }
}
