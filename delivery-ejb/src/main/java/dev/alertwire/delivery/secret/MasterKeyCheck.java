package dev.alertwire.delivery.secret;

import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.domain.secret.UnreadableSecretException;
import dev.alertwire.persistence.secret.StoredSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Instances that share a database must share the master key. One started with another key could decrypt no
 * secret, so every delivery it took would fail: it finds out at start, says so, reports itself not ready and
 * leaves the deliveries to instances that can send them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
public class MasterKeyCheck {
  private static final Logger LOG = Logger.getLogger(MasterKeyCheck.class.getName());

  @Inject StoredSecrets stored;
  @Inject SecretCipher cipher;

  private volatile boolean matches = true;

  @PostConstruct
  void check() {
    matches =
        stored
            .any()
            .map(
                ciphertext -> {
                  try {
                    cipher.decrypt(ciphertext);
                    return true;
                  } catch (UnreadableSecretException e) {
                    return false;
                  }
                })
            .orElse(true);
    if (!matches) {
      LOG.severe(
          "The secrets in the database were encrypted with another master key than this instance's. This"
              + " instance sends nothing until it runs with the same ALERTWIRE_MASTER_KEY as the others; /health"
              + " reports it DOWN meanwhile.");
    }
  }

  /** True unless the stored secrets were encrypted with another key than this instance's. */
  public boolean matches() {
    return matches;
  }
}
