package dev.alertwire.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a sign-in lands when no console page was asked for first (the login page opened directly, or
 * again after signing out): the form mechanism has already checked the credentials, so go to the console,
 * or back to the form with the error.
 */
@WebServlet("/j_security_check")
public class SignInLanding extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String target = request.getUserPrincipal() != null ? "/admin/channels.xhtml" : "/login.xhtml?failed=true";
    response.sendRedirect(request.getContextPath() + target);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    doPost(request, response);
  }
}
