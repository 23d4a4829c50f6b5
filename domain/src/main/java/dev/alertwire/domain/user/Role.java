package dev.alertwire.domain.user;

/** What a console user may do: an admin reads and changes everything, a viewer only reads. */
public enum Role {
  ADMIN("admin"),
  VIEWER("viewer");

  /** The name of the role (and group) the web container checks. */
  private final String roleName;

  Role(String roleName) {
    this.roleName = roleName;
  }

  public String roleName() {
    return roleName;
  }
}
