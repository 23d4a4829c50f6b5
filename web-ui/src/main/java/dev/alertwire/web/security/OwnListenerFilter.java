package dev.alertwire.web.security;

import dev.alertwire.delivery.dispatch.OutboundGuard;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tells the outbound policy which port this app's HTTP listener really answers on: the configured
 * ALERTWIRE_PORT is known from the start, but Payara may listen elsewhere (--port, --autoBindHttp), and a
 * channel must not reach the app's own API on any of them.
 */
@WebFilter(urlPatterns = "/*")
public class OwnListenerFilter extends HttpFilter {
  @Inject OutboundGuard guard;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    guard.listenerSeen(request.getLocalPort());
    chain.doFilter(request, response);
  }
}
