package dev.alertwire.delivery.variable;

import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.variable.Variable;
import dev.alertwire.persistence.variable.VariableRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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
public class VariableAdministration {
  /** Shorter secrets could not be redacted from the record without destroying it. */
  public static final int MIN_SECRET_LENGTH = 4;

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");
  private static final int MAX_VALUE = 10_000;

  @Inject VariableRepository variables;
  @Inject SecretCipher cipher;
  @Inject Clock clock;

  /** Thrown when a variable of that key exists already. */
  public static class AlreadyExists extends RuntimeException {
    public AlreadyExists(String key) {
      super("a variable named " + key + " exists already");
    }
  }

  public List<Variable> list(String scope) {
    return variables.inScope(scope);
  }

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
    return variable;
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
          } else {
            boolean lock = Boolean.TRUE.equals(locked);
            String newValue = value == null ? variable.storedValue() : value;
            checkValue(newValue, lock);
            set(variable, newValue, lock, now);
          }
        });
    return found;
  }

  public boolean delete(String scope, String key) {
    Optional<Variable> found = variables.find(scope, key);
    found.ifPresent(variables::remove);
    return found.isPresent();
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
