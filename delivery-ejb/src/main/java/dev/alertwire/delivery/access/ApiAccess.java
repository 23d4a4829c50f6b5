package dev.alertwire.delivery.access;

import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.persistence.token.TokenRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: random 256-bit values, stored as SHA-256 (a fast hash is right for values this random; a slow
 * one would only slow every request).
 */
@Stateless
public class ApiAccess {
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String PREFIX = "aw_";

  @Inject TokenRepository tokens;
  @Inject Clock clock;
  @Inject AuditLog audit;

  /** A token and its value, which is shown this once. */
  public record Issued(ApiToken token, String value) {}

  public Optional<ApiToken> authenticate(String value) {
    if (value == null || value.isBlank() || value.length() > 200) {
      return Optional.empty();
    }
    return tokens.byHash(hash(value.trim()));
  }

  @Permit(ApiToken.Role.ADMIN)
  public Issued issue(String name, ApiToken.Role role) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return issue(name, role, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  @Permit(ApiToken.Role.ADMIN)
  public Issued issue(String name, ApiToken.Role role, String value) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidInputException("name", "is required (at most 200 characters)");
    }
    if (value.length() < 16) {
      throw new InvalidInputException("token", "must be at least 16 characters");
    }
    ApiToken token = new ApiToken(name.trim(), hash(value), role, clock.instant());
    tokens.add(token);
    audit.record("API token created", token.name(), "role " + role.name().toLowerCase(java.util.Locale.ROOT));
    return new Issued(token, value);
  }

  public boolean anyExists() {
    return tokens.count() > 0;
  }

  @Permit(ApiToken.Role.ADMIN)
  public List<ApiToken> all() {
    return tokens.all();
  }

  @Permit(ApiToken.Role.ADMIN)
  public boolean revoke(String id) {
    Optional<ApiToken> found = tokens.find(id);
    found.ifPresent(
        token -> {
          tokens.remove(token);
          audit.record("API token revoked", token.name(), null);
        });
    return found.isPresent();
  }

  static String hash(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
