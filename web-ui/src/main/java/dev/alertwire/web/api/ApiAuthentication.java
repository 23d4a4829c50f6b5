package dev.alertwire.web.api;

import dev.alertwire.delivery.access.ApiAccess;
import dev.alertwire.delivery.access.Caller;
import dev.alertwire.persistence.token.ApiToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import dev.alertwire.domain.user.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every API call needs {@code Authorization: Bearer <token>}. Roles: admin reads and writes, viewer reads
 * (and previews), ingest only posts check results and alerts. Wrong or missing token: 401; wrong role: 403;
 * too many wrong tokens from one address: 429 ({@link ApiTokenThrottle}). This is the coarse first answer;
 * the rule that holds is each boundary's {@code @Permit} (delivery-ejb), which also refuses reads a viewer
 * may not make (the audit log, the API tokens).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthentication implements ContainerRequestFilter {
  @Inject ApiAccess access;
  @Inject Caller caller;
  @Inject ApiTokenThrottle throttle;
  @Inject Clock clock;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    String address = servletRequest.getRemoteAddr();
    Instant now = clock.instant();
    if (bearer) {
      Duration wait = throttle.waitFor(address, now);
      if (!wait.isZero()) {
        request.abortWith(tooManyWrongTokens(wait));
        return;
      }
    }
    Optional<ApiToken> token = bearer ? access.authenticate(header.substring(7)) : Optional.empty();
    Optional<ApiToken.Role> role = token.map(ApiToken::role);
    if (bearer && role.isEmpty()) {
      Duration imposed = throttle.failed(address, clock.instant());
      if (!imposed.isZero()) {
        request.abortWith(tooManyWrongTokens(imposed));
        return;
      }
    }
    if (role.isEmpty()) {
      request.abortWith(
          Problem.of(401, "Unauthorized", "Send Authorization: Bearer <API token>; the first admin token is set by ALERTWIRE_API_TOKEN or printed in the log on first start"));
      return;
    }
    // The boundaries check the role again (@Permit): this filter only answers early and plainly.
    caller.token(token.get().name(), role.get());
    if (!allowed(role.get(), request.getMethod(), request.getUriInfo().getPath())) {
      request.abortWith(Problem.of(403, "Forbidden", "A " + role.get().name().toLowerCase() + " token may not " + request.getMethod() + " this resource"));
    }
  }

  private static Response tooManyWrongTokens(Duration wait) {
    long seconds = SignInThrottle.seconds(wait);
    return Response.fromResponse(
            Problem.of(429, "Too many requests", "Too many wrong API tokens from this address; wait " + seconds + " s"))
        .header("Retry-After", Long.toString(seconds))
        .build();
  }

  static boolean allowed(ApiToken.Role role, String method, String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    boolean ingestion =
        method.equals("POST")
            && (p.equals("v1/check-results") || p.equals("v1/alerts") || p.equals("v1/sources/alertmanager") || p.equals("v1/sources/grafana"));
    boolean read = method.equals("GET") || method.equals("HEAD") || (method.equals("POST") && p.equals("v1/templates/preview"));
    return switch (role) {
      case ADMIN -> true;
      case VIEWER -> read;
      case INGEST -> ingestion;
    };
  }
}
