package dev.alertwire.persistence.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Every encrypted value the database holds, wherever it lives: variables, locked channel parameters, webhook secrets. */
@ApplicationScoped
public class StoredSecrets {
  @PersistenceContext(unitName = "alertwire")
  private EntityManager em;

  /** One stored ciphertext, if there is any: enough to learn whether a master key is the one in use. */
  public Optional<String> any() {
    return first("SELECT var_value FROM variable WHERE locked = TRUE")
        .or(() -> first("SELECT param_value FROM channel_parameter WHERE locked = TRUE AND param_value IS NOT NULL"))
        .or(() -> first("SELECT webhook_secret FROM alert_channel WHERE webhook_secret IS NOT NULL"));
  }

  private Optional<String> first(String sql) {
    return em.createNativeQuery(sql).setMaxResults(1).getResultStream().findFirst().map(String::valueOf);
  }
}
