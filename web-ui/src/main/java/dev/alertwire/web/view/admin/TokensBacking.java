package dev.alertwire.web.view.admin;

import dev.alertwire.delivery.access.ApiAccess;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.token.ApiToken;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * API tokens (admins): create one with a role, its value shown this once on this page and never again;
 * list; revoke. The boundary (ApiAccess) checks the role and audits both changes.
 */
@Named
@ViewScoped
public class TokensBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Access access;
  @Inject ApiAccess tokens;

  private List<ApiToken> rows;
  private String name = "";
  private ApiToken.Role role = ApiToken.Role.INGEST;
  /** The value of the token just created: shown once, in this view only, then gone. */
  private String createdValue;
  private String createdName;

  @PostConstruct
  void load() {
    rows = tokens.all();
  }

  public void create() {
    try {
      access.requireAdmin();
      ApiAccess.Issued issued = tokens.issue(name, role);
      createdValue = issued.value();
      createdName = issued.token().name();
      name = "";
      FieldMessages.info("Created the token " + createdName + ": copy it now, it is shown this once.");
    } catch (InvalidInputException e) {
      FieldMessages.show(e, field -> "name".equals(field) ? "create:name" : null);
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    load();
  }

  public void revoke(String id, String tokenName) {
    try {
      access.requireAdmin();
      FieldMessages.info(tokens.revoke(id) ? "Revoked " + tokenName + "; it no longer opens the API." : tokenName + " was already revoked.");
    } catch (NotPermitted e) {
      FieldMessages.error(e.getMessage());
    }
    createdValue = null;
    load();
  }

  public List<ApiToken> getRows() {
    return rows;
  }

  public ApiToken.Role[] getRoles() {
    return ApiToken.Role.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ApiToken.Role getRole() {
    return role;
  }

  public void setRole(ApiToken.Role role) {
    this.role = role;
  }

  public String getCreatedValue() {
    return createdValue;
  }

  public String getCreatedName() {
    return createdName;
  }
}
