package dev.alertwire.delivery.render;

import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.persistence.variable.Variable;
import dev.alertwire.persistence.variable.VariableRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds what a template sees, lowest precedence first: global variables, the group's variables, then the
 * event's variables. Also returns the secret values found on the way, for redaction.
 */
@ApplicationScoped
public class RenderContexts {
  @Inject VariableRepository variables;
  @Inject SecretCipher cipher;

  /** The template context and the secrets in it (value to placeholder). */
  public record RenderContext(Map<String, Object> values, Map<String, String> secrets) {}

  public RenderContext forEvent(Map<String, Object> eventVariables, String groupId) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    addScope(Variable.GLOBAL, values, secrets);
    if (groupId != null) {
      addScope(groupId, values, secrets);
    }
    values.putAll(eventVariables);
    return new RenderContext(values, secrets);
  }

  private void addScope(String scope, Map<String, Object> values, Map<String, String> secrets) {
    for (Variable v : variables.inScope(scope)) {
      if (v.locked()) {
        String plain = cipher.decrypt(v.storedValue());
        values.put(v.key(), plain);
        secrets.put(plain, "{{" + v.key() + "}}");
      } else {
        values.put(v.key(), v.storedValue());
      }
    }
  }
}
