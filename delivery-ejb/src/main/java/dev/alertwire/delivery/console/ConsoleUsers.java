package dev.alertwire.delivery.console;

import dev.alertwire.delivery.access.Permit;
import dev.alertwire.persistence.token.ApiToken;
import dev.alertwire.domain.user.PasswordHasher;
import dev.alertwire.domain.user.Role;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import dev.alertwire.persistence.user.AppUser;
import dev.alertwire.persistence.user.UserRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Console users: signing in, and the admins' list of who may. */
@Stateless
public class ConsoleUsers {
  public static final int MIN_PASSWORD_LENGTH = 12;
  /** How the audit names a sign-in attempt whose user name is no user. */
  public static final String UNKNOWN_USER = "unknown user";
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
  /** Verified against when the user does not exist, so both answers take the same time. */
  private static final String DUMMY_HASH = PasswordHasher.hash("no such user");

  @Inject UserRepository users;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Resource SessionContext session;

  /**
   * @return the user's role when the password is right; every attempt is audited, under the user's name when
   *     it is a user, else as {@value #UNKNOWN_USER}: a typed name that is no user may be a password typed
   *     into the wrong field, and viewers read the audit log
   */
  public Optional<Role> verify(String username, String password) {
    Optional<AppUser> user = username == null ? Optional.empty() : users.byUsername(username);
    boolean valid = PasswordHasher.matches(password, user.map(AppUser::passwordHash).orElse(DUMMY_HASH)) && user.isPresent();
    String actor = user.map(AppUser::username).orElse(UNKNOWN_USER);
    audit.recordAs(actor, valid ? "login" : "login refused", actor, valid ? null : "wrong username or password");
    return valid ? user.map(AppUser::role) : Optional.empty();
  }

  /** A failed sign-in that starts a wait: audited once per wait (attempts refused during it are not). */
  public void recordThrottled(String username, String address, long seconds) {
    String actor = (username == null ? Optional.<AppUser>empty() : users.byUsername(username)).map(AppUser::username).orElse(UNKNOWN_USER);
    audit.recordAs(actor, "login throttled", actor, "too many failed sign-ins from " + address + "; the next attempt waits " + seconds + " s");
  }

  /** The first admin, and its password when the server generated it (to be shown once). */
  public record FirstAdminCreated(Optional<String> generatedPassword) {}

  /** Creates {@code admin} when there is no user yet, with the configured password or a generated one. */
  public Optional<FirstAdminCreated> ensureFirstAdmin(Optional<String> configured) {
    if (users.count() > 0) {
      return Optional.empty();
    }
    Optional<String> given = configured.filter(p -> !p.isBlank());
    if (given.isPresent() && given.get().length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "ALERTWIRE_ADMIN_PASSWORD", "must be at least " + MIN_PASSWORD_LENGTH + " characters (it has " + given.get().length() + ")");
    }
    String password = given.orElseGet(PasswordHasher::randomPassword);
    users.add(new AppUser("admin", PasswordHasher.hash(password), Role.ADMIN, clock.instant()));
    audit.recordAs("system", "user created", "admin", "first start: role ADMIN");
    return Optional.of(new FirstAdminCreated(given.isPresent() ? Optional.empty() : Optional.of(password)));
  }

  @Permit(ApiToken.Role.ADMIN)
  public List<AppUser> all() {
    return users.all();
  }

  @Permit(ApiToken.Role.ADMIN)
  public AppUser create(String username, String password, Role role) {
    List<FieldError> errors = new ArrayList<>();
    String name = username == null ? "" : username.trim();
    if (!USERNAME.matcher(name).matches()) {
      errors.add(FieldError.of("username", "2 to 100 letters, digits, or . _ @ -"));
    } else if (users.byUsername(name).isPresent()) {
      errors.add(FieldError.of("username", "is taken"));
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      errors.add(FieldError.of("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
    } else if (password.length() > 200) {
      errors.add(FieldError.of("password", "must be at most 200 characters"));
    }
    if (role == null) {
      errors.add(FieldError.of("role", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    AppUser user = new AppUser(name, PasswordHasher.hash(password), role, clock.instant());
    users.add(user);
    audit.record("user created", name, "role " + role);
    return user;
  }

  /**
   * The signed-in user changes their own password: the current one is required (a session left open is not
   * enough), the new one has at least {@link #MIN_PASSWORD_LENGTH} characters. Audited, never with either value.
   */
  @Permit({ApiToken.Role.ADMIN, ApiToken.Role.VIEWER})
  public void changePassword(String currentPassword, String newPassword) {
    String username = session.getCallerPrincipal() == null ? null : session.getCallerPrincipal().getName();
    AppUser user =
        (username == null ? Optional.<AppUser>empty() : users.byUsername(username))
            .orElseThrow(() -> new InvalidInputException("currentPassword", "only a signed-in console user can change a password"));
    List<FieldError> errors = new ArrayList<>();
    if (currentPassword == null || !PasswordHasher.matches(currentPassword, user.passwordHash())) {
      errors.add(FieldError.of("currentPassword", "is not your current password"));
    }
    if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
      errors.add(FieldError.of("newPassword", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
    } else if (newPassword.length() > 200) {
      errors.add(FieldError.of("newPassword", "must be at most 200 characters"));
    } else if (newPassword.equals(currentPassword)) {
      errors.add(FieldError.of("newPassword", "must differ from the current password"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    user.changePasswordHash(PasswordHasher.hash(newPassword));
    audit.record("password changed", user.username(), null);
  }

  /** Refuses to delete the caller or the last admin, so the console can never lock everyone out. */
  @Permit(ApiToken.Role.ADMIN)
  public void delete(String id) {
    AppUser user = users.find(id).orElseThrow(() -> new InvalidInputException("user", "no longer exists"));
    if (user.username().equals(session.getCallerPrincipal().getName())) {
      throw new InvalidInputException("user", "you cannot delete yourself");
    }
    if (user.role() == Role.ADMIN && users.countWithRole(Role.ADMIN) <= 1) {
      throw new InvalidInputException("user", "the last admin cannot be deleted");
    }
    users.remove(user);
    audit.record("user deleted", user.username(), null);
  }
}
