package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.console.ConsoleUsers;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in user's own account: change the password (the current one required). */
@Named
@RequestScoped
public class AccountBacking {
  @Inject ConsoleUsers users;

  private String currentPassword;
  private String newPassword;

  public String changePassword() {
    try {
      users.changePassword(currentPassword, newPassword);
      FieldMessages.flash("Password changed. Use the new one next time you sign in.");
      return "/admin/account?faces-redirect=true";
    } catch (InvalidInputException e) {
      FieldMessages.show(e, field -> "password:" + field);
    }
    return null;
  }

  /** Never redisplayed. */
  public String getCurrentPassword() {
    return "";
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  /** Never redisplayed. */
  public String getNewPassword() {
    return "";
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}
