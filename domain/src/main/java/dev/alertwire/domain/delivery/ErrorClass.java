package dev.alertwire.domain.delivery;

/** Why an attempt got no HTTP response. */
public enum ErrorClass {
  TIMEOUT(true),
  CONNECTION_REFUSED(true),
  CONNECTION(true),
  DNS(true),
  TLS(true),
  /**
   * A stored secret the request needs cannot be decrypted with this instance's master key (instances that
   * share a database with different keys): another instance, or this one with the right key, can send it.
   */
  SECRET_UNREADABLE(true),
  /** The request could not be built (bad URL, header with a line break): retrying cannot help. */
  INVALID_REQUEST(false),
  /**
   * The outbound address policy refuses the target's address (Alertwire's own listener, a denied range, or
   * outside the allowed ranges): retrying cannot help until the channel or the policy changes.
   */
  ADDRESS_REFUSED(false);

  private final boolean transientFailure;

  ErrorClass(boolean transientFailure) {
    this.transientFailure = transientFailure;
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
