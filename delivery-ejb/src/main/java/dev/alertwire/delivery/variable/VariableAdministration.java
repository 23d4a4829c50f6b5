package dev.alertwire.delivery.variable;

import dev.alertwire.persistence.check.CheckRepository;
import dev.alertwire.persistence.check.CheckGroup;
import dev.alertwire.delivery.console.AuditLog;
import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.variable.Variable;
import dev.alertwire.persistence.variable.VariableRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import dev.alertwire.delivery.history.HistoryScrub;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Environment variables and secrets. A secret is write-only: it can be set, replaced and deleted, never read
 * back or turned into a plain variable again.
 */
@Stateless
@Permit(ApiToken.Role.ADMIN)
public class VariableAdministration {
  /** Shorter secrets could not be redacted from the record without destroying it. */
  public static final int MIN_SECRET_LENGTH = 4;

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");
  private static final int MAX_VALUE = 10_000;

  @Inject VariableRepository variables;
  @Inject SecretCipher cipher;
  @Inject Clock clock;
  @Inject HistoryScrub scrub;
  @Inject AuditLog audit;
  @Inject CheckRepository groups;

  /** Thrown when a variable of that key exists already. */
  public static class AlreadyExists extends RuntimeException {
    public AlreadyExists(String key) {
      super("a variable named " + key + " exists already");
    }
  }

  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public List<Variable> list(String scope) {
    return variables.inScope(scope);
  }

  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public Optional<Variable> find(String scope, String key) {
    return variables.find(scope, key);
  }

  public Variable create(String scope, String key, String value, boolean locked) {
    checkKey(key);
    checkValue(value, locked);
    if (variables.find(scope, key).isPresent()) {
      throw new AlreadyExists(key);
    }
    Instant now = clock.instant();
    Variable variable = new Variable(scope, key, now);
    set(variable, value, locked, now);
    variables.add(variable);
    audit.record(locked ? "secret created" : "variable created", key, where(scope));
    return variable;
  }

  /**
   * Why {@link #create} would refuse this variable (the key, the value, or a variable of that key in the
   * scope), or empty: for callers that skip an item instead of failing, since a refusal thrown from
   * {@link #create} marks the caller's transaction for rollback.
   */
  public Optional<String> refusal(String scope, String key, String value, boolean locked) {
    try {
      checkKey(key);
      checkValue(value, locked);
    } catch (InvalidInputException e) {
      return Optional.of(e.errors().get(0).field() + " " + e.errors().get(0).message());
    }
    return variables.find(scope, key).map(v -> new AlreadyExists(key).getMessage());
  }

  /**
   * Changes a variable. {@code locked=true} with no value promotes a plain value to a secret in place; a
   * secret accepts only a new value.
   */
  public Optional<Variable> update(String scope, String key, String value, Boolean locked) {
    Optional<Variable> found = variables.find(scope, key);
    found.ifPresent(
        variable -> {
          Instant now = clock.instant();
          if (variable.locked()) {
            if (Boolean.FALSE.equals(locked)) {
              throw new InvalidInputException("locked", "a secret cannot be unlocked; delete it and create a plain variable");
            }
            if (value == null) {
              throw new InvalidInputException("value", "a secret can only be replaced with a new value");
            }
            checkValue(value, true);
            set(variable, value, true, now);
            audit.record("secret replaced", key, where(scope));
          } else {
            boolean lock = Boolean.TRUE.equals(locked);
            String newValue = value == null ? variable.storedValue() : value;
            checkValue(newValue, lock);
            set(variable, newValue, lock, now);
            if (lock) {
              // Attempts recorded while the value was plain still hold it.
              scrub.scrub(newValue, "{{" + key + "}}");
            }
            audit.record(lock ? (value == null ? "variable made secret" : "secret created") : "variable changed", key, where(scope));
          }
        });
    return found;
  }

  public boolean delete(String scope, String key) {
    Optional<Variable> found = variables.find(scope, key);
    found.ifPresent(
        variable -> {
          variables.remove(variable);
          audit.record(variable.locked() ? "secret deleted" : "variable deleted", key, where(scope));
        });
    return found.isPresent();
  }

  /** The audit detail: which group, when not the environment. */
  private String where(String scope) {
    if (Variable.GLOBAL.equals(scope) || scope == null) {
      return null;
    }
    return "group " + groups.group(scope).map(CheckGroup::name).orElse(scope);
  }

  private void set(Variable variable, String value, boolean locked, Instant now) {
    if (locked) {
      variable.setSecret(cipher.encrypt(value), now);
    } else {
      variable.setPlain(value, now);
    }
  }

  private static void checkKey(String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidInputException("key", "is required");
    }
    if (!KEY.matcher(key).matches()) {
      throw new InvalidInputException(
          "key", "must start with a letter or _ and hold only letters, digits and _ (at most 200), to be usable as {{KEY}}");
    }
  }

  private static void checkValue(String value, boolean locked) {
    if (value == null) {
      throw new InvalidInputException("value", "is required");
    }
    if (value.length() > MAX_VALUE) {
      throw new InvalidInputException("value", "must be at most " + MAX_VALUE + " characters");
    }
    if (locked && value.length() < MIN_SECRET_LENGTH) {
      throw new InvalidInputException(
          "value", "a secret must be at least " + MIN_SECRET_LENGTH + " characters, so it can be redacted wherever it appears");
    }
  }
}
