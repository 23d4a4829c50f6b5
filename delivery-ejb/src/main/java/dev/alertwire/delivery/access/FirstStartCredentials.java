package dev.alertwire.delivery.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials the first start generated (the admin's password, the first API token), held until the
 * start-up message shows them, once, in its box at the end of the log, where a person looks; then forgotten.
 * Nothing else reads them.
 */
@ApplicationScoped
public class FirstStartCredentials {
  private final List<String> lines = new ArrayList<>();

  public synchronized void adminPassword(String password) {
    lines.add("Console: sign in as admin with the password  " + password);
  }

  public synchronized void apiToken(String token) {
    lines.add("Admin API token (shown this once, keep it):  " + token);
  }

  /** The lines to show, emptied by this call: a credential is shown once. */
  public synchronized List<String> take() {
    List<String> taken = List.copyOf(lines);
    lines.clear();
    return taken;
  }
}
