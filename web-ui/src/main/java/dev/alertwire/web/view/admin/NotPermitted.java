package dev.alertwire.web.view.admin;

/** A viewer (or a forged request) tried to change something; nothing was changed. */
public class NotPermitted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotPermitted() {
    super("Only admins can change this. You are signed in as a viewer.");
  }
}
