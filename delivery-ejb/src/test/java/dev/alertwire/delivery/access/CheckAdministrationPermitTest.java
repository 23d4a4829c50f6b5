package dev.alertwire.delivery.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alertwire.delivery.check.CheckAdministration;
import dev.alertwire.delivery.check.CheckInput;
import dev.alertwire.persistence.token.ApiToken.Role;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The console's check and group dialogs and the API both change checks through {@link CheckAdministration}:
 * its {@link Permit} rule is the one that holds whichever door a call came by. Every public method that
 * changes something is for admins only; reads are for viewers too; only the first result registers for ingest.
 */
class CheckAdministrationPermitTest {
  private static final Set<String> READS = Set.of("all", "find", "groups", "group");

  @Test
  void changesAreForAdminsOnly() {
    int changes = 0;
    for (Method m : CheckAdministration.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
        continue;
      }
      List<Role> allowed = PermitCheck.allowed(m);
      if (READS.contains(m.getName())) {
        assertEquals(List.of(Role.ADMIN, Role.VIEWER), allowed, m.getName());
      } else if (m.getName().equals("registerOnFirstResult")) {
        assertEquals(List.of(Role.ADMIN, Role.INGEST), allowed, m.getName());
      } else {
        assertEquals(List.of(Role.ADMIN), allowed, m.getName());
        changes++;
      }
    }
    assertEquals(6, changes, "create, update, delete, createGroup, updateGroup, deleteGroup");
  }

  @Test
  void aSignedInViewerIsRefusedBeforeTheChangeRunsAndAnAdminIsNot() throws Exception {
    Method update = CheckAdministration.class.getMethod("update", String.class, CheckInput.class);
    Call viewerCall = new Call(update);
    PermitCheck permit = permitFor("vic", Role.VIEWER);
    AccessDenied refused = assertThrows(AccessDenied.class, () -> permit.check(viewerCall));
    assertEquals("The viewer role may not call CheckAdministration.update", refused.getMessage());
    assertFalse(viewerCall.proceeded);

    Call adminCall = new Call(update);
    permitFor("admin", Role.ADMIN).check(adminCall);
    assertTrue(adminCall.proceeded);
  }

  private static PermitCheck permitFor(String user, Role role) {
    Caller caller = new Caller();
    caller.signedIn(user, role);
    PermitCheck permit = new PermitCheck();
    permit.caller = caller;
    return permit;
  }

  /** The call the interceptor sees: only its method matters to the rule. */
  private static final class Call implements InvocationContext {
    private final Method method;
    boolean proceeded;

    Call(Method method) {
      this.method = method;
    }

    @Override
    public Object getTarget() {
      return null;
    }

    @Override
    public Object getTimer() {
      return null;
    }

    @Override
    public Method getMethod() {
      return method;
    }

    @Override
    public Constructor<?> getConstructor() {
      return null;
    }

    @Override
    public Object[] getParameters() {
      return new Object[0];
    }

    @Override
    public void setParameters(Object[] params) {}

    @Override
    public Map<String, Object> getContextData() {
      return new HashMap<>();
    }

    @Override
    public Object proceed() {
      proceeded = true;
      return null;
    }
  }
}
