package dev.alertwire.delivery.access;

/** A caller tried what its role does not allow. The API answers 403; the console shows its own page. */
public class AccessDenied extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccessDenied(String message) {
    super(message);
  }
}
