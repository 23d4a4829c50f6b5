package dev.alertwire.web.security;

import dev.alertwire.delivery.access.Caller;
import dev.alertwire.persistence.token.ApiToken;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tells the boundaries who is behind each HTTP request: the signed-in console user and the role the
 * container gives it, or nobody yet (the API's token filter names the token later in the same request).
 * Every boundary checks its {@code @Permit} against this, so a forged postback gets no further than a click.
 */
@WebFilter(urlPatterns = "/*")
public class CallerFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject Caller caller;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    caller.httpRequest();
    if (request.getUserPrincipal() != null) {
      if (request.isUserInRole("admin")) {
        caller.signedIn(request.getUserPrincipal().getName(), ApiToken.Role.ADMIN);
      } else if (request.isUserInRole("viewer")) {
        caller.signedIn(request.getUserPrincipal().getName(), ApiToken.Role.VIEWER);
      }
    }
    chain.doFilter(request, response);
  }
}
