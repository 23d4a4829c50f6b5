package dev.alertwire.web.security;

import dev.alertwire.delivery.console.ConsoleUsers;
import dev.alertwire.domain.user.SignInThrottle;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Form sign-in for the console, throttled ({@link SignInThrottle}: per user name and client address, and per
 * address). Which pages need it is declared in web.xml (/admin/* only): the REST API and /health never see
 * this login. It is the container's form login (j_security_check, j_username, j_password; the saved request
 * and the error page come from {@link LoginToContinue}) with the throttle in front of the identity store.
 *
 * <p>A throttled attempt is refused without its password being checked: 429 with Retry-After, and the login
 * page saying how many seconds to wait. The answer is the same whether the user exists or not. The client
 * address is the connection's: behind a reverse proxy, every sign-in shares the proxy's address.
 */
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "/login.xhtml?failed=true", useForwardToLogin = false)
@DeclareRoles({"admin", "viewer"})
@ApplicationScoped
public class ConsoleLogin implements HttpAuthenticationMechanism {
  @Inject IdentityStoreHandler identityStores;
  @Inject ConsoleUsers users;
  @Inject Clock clock;

  private final SignInThrottle throttle = new SignInThrottle();

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!isFormPost(request)) {
      return context.doNothing();
    }
    if (request.getCharacterEncoding() == null) {
      try {
        request.setCharacterEncoding("UTF-8"); // the login page is UTF-8; set before the first parameter is read
      } catch (java.io.UnsupportedEncodingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    String username = request.getParameter("j_username");
    if (username == null || request.getParameter("j_password") == null) {
      return context.doNothing();
    }
    String address = request.getRemoteAddr();
    Instant now = clock.instant();
    Duration wait = throttle.waitFor(username, address, now);
    if (!wait.isZero()) {
      return throttled(response, context, wait);
    }
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username, new Password(request.getParameter("j_password"))));
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      throttle.succeeded(username, address);
      return context.notifyContainerAboutLogin(result);
    }
    // The wait counts from the refusal, not from the start of the (deliberately slow) password check.
    Duration imposed = throttle.failed(username, address, clock.instant());
    if (!imposed.isZero()) {
      users.recordThrottled(username, address, SignInThrottle.seconds(imposed));
      return throttled(response, context, imposed);
    }
    return context.notifyContainerAboutLogin(result);
  }

  /** 429 and the login page that says how long to wait (not whether the user exists). */
  private static AuthenticationStatus throttled(HttpServletResponse response, HttpMessageContext context, Duration wait) {
    long seconds = SignInThrottle.seconds(wait);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    return context.forward("/login.xhtml?wait=" + seconds);
  }

  private static boolean isFormPost(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/j_security_check");
  }
}
