package dev.alertwire.domain.secret;

/**
 * A stored secret that this master key cannot decrypt: the key differs from the one that encrypted it, or the
 * data was altered. The message names neither the secret's value nor the key.
 */
public class UnreadableSecretException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public UnreadableSecretException() {
    super(
        "a stored secret cannot be decrypted with this instance's master key: every instance on one database"
            + " needs the same ALERTWIRE_MASTER_KEY");
  }
}
