package dev.alertwire.web.security;

import dev.alertwire.delivery.console.ConsoleUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** Checks console sign-ins against the users in the database; the role becomes the caller's group. */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {
  @Inject ConsoleUsers users;
  @Inject HttpServletRequest request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return users
        .verify(login.getCaller(), login.getPasswordAsString())
        .map(
            role -> {
              // A new session id at sign-in, so an id planted before it is worth nothing after.
              if (request.getSession(false) != null) {
                request.changeSessionId();
              }
              return new CredentialValidationResult(login.getCaller(), Set.of(role.roleName()));
            })
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
