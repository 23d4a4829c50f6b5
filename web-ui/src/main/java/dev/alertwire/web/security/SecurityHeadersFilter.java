package dev.alertwire.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser protections for console pages and API answers. Scripts are additionally limited by PrimeFaces' own
 * nonce policy (primefaces.CSP in web.xml): a browser enforces both headers, so only nonce-tagged inline
 * scripts run. Nothing is cached (Cache-Control: no-store): pages and API answers show configuration, and
 * some carry a secret shown once (a new API token, a generated whsec_ secret). Forwards are covered too: a
 * throttled sign-in forwards to the login page.
 */
@WebFilter(
    urlPatterns = {"*.xhtml", "/", "/api/*", "/j_security_check"},
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class SecurityHeadersFilter extends HttpFilter {
  static final String POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
