package dev.alertwire.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in for the console. Which pages need it is declared in web.xml (/admin/* only): the REST API and
 * /health never see this login.
 */
@FormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", errorPage = "/login.xhtml?failed=true", useForwardToLogin = false))
@DeclareRoles({"admin", "viewer"})
@ApplicationScoped
public class ConsoleLogin {}
