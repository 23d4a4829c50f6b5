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
 * Browser protections for console pages and API answers. The Content-Security-Policy is PrimeFaces' (primefaces.CSP
 * and primefaces.CSP_POLICY in web.xml): one header, scripts by nonce only. This filter used to send a
 * second, looser one ('unsafe-inline' for scripts), which only confused a reader: a browser enforces both.
 * Nothing is cached (Cache-Control: no-store): pages and API answers show configuration, and some carry a
 * secret shown once (a new API token, a generated whsec_ secret). Forwards are covered too: a throttled
 * sign-in forwards to the login page.
 */
@WebFilter(
    urlPatterns = {"*.xhtml", "/", "/api/*", "/j_security_check"},
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class SecurityHeadersFilter extends HttpFilter {
  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
