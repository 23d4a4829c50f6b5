package dev.alertwire.delivery.access;

import dev.alertwire.persistence.token.ApiToken;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a boundary (on the class) or one of its methods (on the method, which wins).
 * Checked by {@link PermitCheck} against the {@link Caller} of the request, whichever door it came in by.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Permit {
  @Nonbinding
  ApiToken.Role[] value() default {};
}
