package dev.alertwire.delivery.console;

import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.variable.Variable;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Environment variables and secrets as the console shows them: a secret's value is never part of what this
 * returns, so no page can render it. Changes are audited (a secret's name, never its value).
 */
@Stateless
public class ConsoleVariables {
  @Inject VariableAdministration administration;
  @Inject AuditLog audit;

  /** A variable for display: {@code value} is null for a secret. */
  public record Shown(String key, String value, boolean locked, Instant updatedAt) {
    static Shown of(Variable v) {
      return new Shown(v.key(), v.locked() ? null : v.storedValue(), v.locked(), v.updatedAt());
    }
  }

  public List<Shown> list() {
    return administration.list(Variable.GLOBAL).stream().map(Shown::of).toList();
  }

  public Shown create(String key, String value, boolean locked) {
    try {
      Variable v = administration.create(Variable.GLOBAL, key, value, locked);
      audit.record(locked ? "secret created" : "variable created", v.key(), null);
      return Shown.of(v);
    } catch (VariableAdministration.AlreadyExists e) {
      throw new InvalidInputException("key", "exists already; edit it in the list");
    }
  }

  /** A plain variable's new value; for a secret, {@code value} replaces it (null keeps it). */
  public Shown update(String key, String value) {
    Variable before = administration.find(Variable.GLOBAL, key).orElseThrow(() -> gone(key));
    boolean secret = before.locked();
    Variable v = administration.update(Variable.GLOBAL, key, value, secret ? Boolean.TRUE : Boolean.FALSE).orElseThrow(() -> gone(key));
    audit.record(secret ? "secret replaced" : "variable changed", key, null);
    return Shown.of(v);
  }

  /** Turns a plain variable into a secret in place; there is no way back. */
  public Shown lock(String key) {
    Variable v = administration.update(Variable.GLOBAL, key, null, Boolean.TRUE).orElseThrow(() -> gone(key));
    audit.record("variable made secret", key, null);
    return Shown.of(v);
  }

  public void delete(String key) {
    Variable v = administration.find(Variable.GLOBAL, key).orElseThrow(() -> gone(key));
    administration.delete(Variable.GLOBAL, key);
    audit.record(v.locked() ? "secret deleted" : "variable deleted", key, null);
  }

  private static InvalidInputException gone(String key) {
    return new InvalidInputException("key", key + " was deleted meanwhile");
  }
}
