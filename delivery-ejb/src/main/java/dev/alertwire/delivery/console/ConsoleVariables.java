package dev.alertwire.delivery.console;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.delivery.variable.VariableAdministration;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.check.CheckRepository;
import dev.alertwire.persistence.variable.Variable;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Environment variables, group variables and secrets as the console shows them: a secret's value is never
 * part of what this returns, so no page can render it. Changes are audited (a secret's name, never its
 * value). A scope is {@link Variable#GLOBAL} for the environment or a group's id.
 */
@Stateless
@Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
public class ConsoleVariables {
  @Inject VariableAdministration administration;
  @Inject CheckRepository checks;

  /** A variable for display: {@code value} is null for a secret. */
  public record Shown(String key, String value, boolean locked, Instant updatedAt) implements java.io.Serializable {
    static Shown of(Variable v) {
      return new Shown(v.key(), v.locked() ? null : v.storedValue(), v.locked(), v.updatedAt());
    }
  }

  /** Where variables can live, for the console's scope picker: the environment first, then each group. */
  public record Scope(String id, String name) {
    public boolean global() {
      return Variable.GLOBAL.equals(id);
    }
  }

  /** A group's variables under its name, for the channel editor's variables panel. */
  public record GroupVariables(String group, List<Shown> variables) implements java.io.Serializable {}

  public List<Scope> scopes() {
    List<Scope> groups = checks.groups().stream().map(g -> new Scope(g.id(), g.name())).toList();
    return Stream.concat(Stream.of(new Scope(Variable.GLOBAL, "Environment")), groups.stream()).toList();
  }

  /** The scope of that id; an id that names no group is reported as the field {@code group}. */
  public Scope scope(String id) {
    if (id == null || id.isEmpty()) {
      return new Scope(Variable.GLOBAL, "Environment");
    }
    return checks.group(id).map(g -> new Scope(g.id(), g.name())).orElseThrow(() -> new InvalidInputException("group", "no check group " + id));
  }

  public List<Shown> list() {
    return list(Variable.GLOBAL);
  }

  public List<Shown> list(String scope) {
    return administration.list(scope).stream().map(Shown::of).toList();
  }

  /** Every group that has variables, by group name. */
  public List<GroupVariables> byGroup() {
    return checks.groups().stream()
        .map(g -> new GroupVariables(g.name(), list(g.id())))
        .filter(g -> !g.variables().isEmpty())
        .toList();
  }

  @Permit(ApiToken.Role.ADMIN)
  public Shown create(String scope, String key, String value, boolean locked) {
    Scope where = scope(scope);
    try {
      return Shown.of(administration.create(where.id(), key, value, locked));
    } catch (VariableAdministration.AlreadyExists e) {
      throw new InvalidInputException("key", "exists already; edit it in the list");
    }
  }

  /** A plain variable's new value; for a secret, {@code value} replaces it (null keeps it). */
  @Permit(ApiToken.Role.ADMIN)
  public Shown update(String scope, String key, String value) {
    Scope where = scope(scope);
    Variable before = administration.find(where.id(), key).orElseThrow(() -> gone(key));
    boolean secret = before.locked();
    return Shown.of(administration.update(where.id(), key, value, secret ? Boolean.TRUE : Boolean.FALSE).orElseThrow(() -> gone(key)));
  }

  /** Turns a plain variable into a secret in place; there is no way back. */
  @Permit(ApiToken.Role.ADMIN)
  public Shown lock(String scope, String key) {
    Scope where = scope(scope);
    return Shown.of(administration.update(where.id(), key, null, Boolean.TRUE).orElseThrow(() -> gone(key)));
  }

  @Permit(ApiToken.Role.ADMIN)
  public void delete(String scope, String key) {
    Scope where = scope(scope);
    if (!administration.delete(where.id(), key)) {
      throw gone(key);
    }
  }

  private static InvalidInputException gone(String key) {
    return new InvalidInputException("key", key + " was deleted meanwhile");
  }
}
