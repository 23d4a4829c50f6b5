package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.console.ConsoleUsers;
import dev.alertwire.domain.user.Role;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.user.AppUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Who may sign in: admins create users with a role and delete them. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Access access;
  @Inject ConsoleUsers users;

  private List<AppUser> rows;
  private String username = "";
  private String password = "";
  private Role role = Role.VIEWER;

  @PostConstruct
  void load() {
    rows = users.all();
  }

  public String create() {
    try {
      access.requireAdmin();
      AppUser created = users.create(username, password, role);
      FieldMessages.flash("Created " + created.username() + " (" + created.role().roleName() + ").");
      return "/admin/users?faces-redirect=true";
    } catch (InvalidInputException e) {
      FieldMessages.show(e, field -> "create:" + field);
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    password = "";
    return null;
  }

  public String delete(String id, String name) {
    try {
      access.requireAdmin();
      users.delete(id);
      FieldMessages.flash("Deleted " + name + ".");
      return "/admin/users?faces-redirect=true";
    } catch (InvalidInputException e) {
      FieldMessages.error(e.errors().get(0).message());
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    load();
    return null;
  }

  public List<AppUser> getRows() {
    return rows;
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  /** Never redisplayed. */
  public String getPassword() {
    return "";
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }
}
