package dev.alertwire.delivery.access;

import dev.alertwire.persistence.token.ApiToken;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** Refuses a call to a {@link Permit} boundary by a caller whose role is not listed: 403 at the API. */
@Permit
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PermitCheck {
  @Inject Caller caller;

  @AroundInvoke
  public Object check(InvocationContext call) throws Exception {
    List<ApiToken.Role> allowed = allowed(call.getMethod());
    boolean container;
    ApiToken.Role role;
    try {
      container = caller.isContainer();
      role = caller.role().orElse(null);
    } catch (ContextNotActiveException noRequest) {
      container = true;
      role = null;
    }
    if (!container && (role == null || !allowed.contains(role))) {
      throw new AccessDenied(
          (role == null ? "Signing in is required" : "The " + role.name().toLowerCase() + " role may not")
              + (role == null ? "" : " " + describe(call.getMethod())));
    }
    return call.proceed();
  }

  static List<ApiToken.Role> allowed(Method method) {
    Permit permit = method.getAnnotation(Permit.class);
    if (permit == null) {
      permit = method.getDeclaringClass().getAnnotation(Permit.class);
    }
    return permit == null ? List.of() : Arrays.asList(permit.value());
  }

  private static String describe(Method method) {
    return "call " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }
}
