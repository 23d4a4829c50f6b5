package dev.alertwire.delivery.access;

import dev.alertwire.persistence.token.ApiToken;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who is behind the current HTTP request, as the door it came through established it: the console's
 * signed-in user (set by the web module's filter from the servlet request) or an API token (set by the API's
 * authentication filter). Each boundary's {@link Permit} reads it, so a new endpoint or a forged postback
 * meets the same rule as the page or the resource that was meant to reach it.
 *
 * <p>Three states: never told anything (work the container does by itself: timers, start-up, asynchronous
 * jobs, which act for nobody), an HTTP request without an identity (refused by every guarded boundary), and
 * a known caller with a role.
 */
@RequestScoped
public class Caller {
  private boolean httpRequest;
  private String name;
  private ApiToken.Role role;
  private boolean token;

  /** An HTTP request has begun; until an identity is set, it is anonymous. */
  public void httpRequest() {
    httpRequest = true;
  }

  public void signedIn(String username, ApiToken.Role role) {
    httpRequest = true;
    this.name = username;
    this.role = role;
    this.token = false;
  }

  public void token(String tokenName, ApiToken.Role role) {
    httpRequest = true;
    this.name = tokenName;
    this.role = role;
    this.token = true;
  }

  /** True for work that no HTTP request started. */
  public boolean isContainer() {
    return !httpRequest;
  }

  public Optional<ApiToken.Role> role() {
    return Optional.ofNullable(role);
  }

  /** For the audit log: the user name, "token NAME" for an API token, or "system" for the container. */
  public String actor() {
    if (!httpRequest) {
      return "system";
    }
    if (name == null) {
      return "anonymous";
    }
    return token ? "token " + name : name;
  }
}
