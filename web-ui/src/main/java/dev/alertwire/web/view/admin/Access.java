package dev.alertwire.web.view.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Who is signed in, for rendering (edit controls only for admins), and signing out. */
@Named
@RequestScoped
public class Access {
  @Inject HttpServletRequest request;

  /** The servlet request's answer: right from the first request after sign-in (SecurityContext's is not). */
  public boolean isAdmin() {
    return request.isUserInRole("admin");
  }

  /**
   * Called by every action that changes something, before it does: the page hides edit controls from
   * viewers, and this refuses a request that was forged to reach the action anyway.
   */
  public void requireAdmin() {
    if (!isAdmin()) {
      throw new NotPermitted();
    }
  }

  public String getUsername() {
    return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
  }

  public String getRole() {
    return isAdmin() ? "admin" : "viewer";
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
  }
}
