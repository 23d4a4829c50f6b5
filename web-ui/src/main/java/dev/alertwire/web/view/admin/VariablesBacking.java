package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.console.ConsoleVariables;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Environment variables, group variables and secrets, one scope at a time (the {@code group} view
 * parameter; none for the environment). Typed values live only until the action that uses them; a secret's
 * stored value is never loaded into this bean, so nothing can render it.
 */
@Named
@ViewScoped
public class VariablesBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Access access;
  @Inject ConsoleVariables variables;

  private String group = "";
  private ConsoleVariables.Scope scope;
  private List<ConsoleVariables.Scope> scopes;
  private List<ConsoleVariables.Shown> rows;
  private String newKey = "";
  private String newValue = "";
  private boolean newLocked;
  private String editKey;
  private boolean editSecret;
  private String editValue = "";

  /** The view action: an unknown group falls back to the environment, with a message saying so. */
  public void load() {
    try {
      scope = variables.scope(group);
    } catch (InvalidInputException e) {
      FieldMessages.error(e.errors().get(0).message() + "; showing the environment's variables.");
      group = "";
      scope = variables.scope(group);
    }
    scopes = variables.scopes();
    rows = variables.list(scope.id());
  }

  /** Post-redirect-get back to the same scope. */
  private String here() {
    return "/admin/variables?faces-redirect=true" + (scope.global() ? "" : "&group=" + scope.id());
  }

  public String create() {
    try {
      access.requireAdmin();
      ConsoleVariables.Shown created = variables.create(scope.id(), newKey == null ? "" : newKey.trim(), newValue, newLocked);
      FieldMessages.flash((created.locked() ? "Secret " : "Variable ") + created.key() + " created.");
      return here();
    } catch (InvalidInputException e) {
      FieldMessages.show(e, field -> "create:" + ("locked".equals(field) ? "newLocked" : field.equals("key") ? "newKey" : "newValue"));
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    newValue = "";
    return null;
  }

  public void startEdit(ConsoleVariables.Shown row) {
    editKey = row.key();
    editSecret = row.locked();
    editValue = row.locked() ? "" : row.value();
  }

  public String saveEdit() {
    try {
      access.requireAdmin();
      variables.update(scope.id(), editKey, editValue);
      FieldMessages.flash((editSecret ? "Secret " : "Variable ") + editKey + (editSecret ? " replaced." : " saved."));
      return here();
    } catch (InvalidInputException e) {
      FieldMessages.show(e, field -> "edit:editValue");
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    editValue = "";
    return null;
  }

  public String lock(String key) {
    return act(() -> variables.lock(scope.id(), key), key + " is now a secret: its value will not be shown again.");
  }

  public String delete(String key) {
    return act(() -> variables.delete(scope.id(), key), "Deleted " + key + ".");
  }

  private String act(Runnable action, String done) {
    try {
      access.requireAdmin();
      action.run();
      FieldMessages.flash(done);
      return here();
    } catch (InvalidInputException e) {
      FieldMessages.error(e.errors().get(0).message());
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    load();
    return null;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group == null ? "" : group;
  }

  public ConsoleVariables.Scope getScope() {
    return scope;
  }

  public List<ConsoleVariables.Scope> getScopes() {
    return scopes;
  }

  public List<ConsoleVariables.Shown> getRows() {
    return rows;
  }

  public String getNewKey() {
    return newKey;
  }

  public void setNewKey(String newKey) {
    this.newKey = newKey;
  }

  /** Write-only when it is to become a secret: the field never redisplays. */
  public String getNewValue() {
    return "";
  }

  public void setNewValue(String newValue) {
    this.newValue = newValue;
  }

  public boolean isNewLocked() {
    return newLocked;
  }

  public void setNewLocked(boolean newLocked) {
    this.newLocked = newLocked;
  }

  public String getEditKey() {
    return editKey;
  }

  public boolean isEditSecret() {
    return editSecret;
  }

  public String getEditValue() {
    return editSecret ? "" : editValue;
  }

  public void setEditValue(String editValue) {
    this.editValue = editValue;
  }
}
