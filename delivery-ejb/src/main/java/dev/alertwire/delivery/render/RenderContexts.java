package dev.alertwire.delivery.render;

import dev.alertwire.domain.secret.SecretCipher;
import dev.alertwire.persistence.variable.Variable;
import dev.alertwire.persistence.variable.VariableRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds what a template sees: global variables, overridden by the group's variables; the event's variables
 * only fill names that neither defines. An alert's payload comes from whoever holds an ingest token, so it
 * must not be able to rewrite configuration (a URL variable, a token): stored variables always win. Also
 * returns the secret values found on the way, for the redaction of receivers' answers.
 */
@ApplicationScoped
public class RenderContexts {
  @Inject VariableRepository variables;
  @Inject SecretCipher cipher;

  /**
   * The template context with the real values (for the request that goes out), the secrets in it (value to
   * placeholder, for the redaction of answers), and the context for everything shown or stored, in which
   * each secret is the text of its placeholder {@code {{NAME}}}.
   */
  public record RenderContext(Map<String, Object> values, Map<String, String> secrets, Map<String, Object> shown) {
    public boolean hasSecrets() {
      return !secrets.isEmpty();
    }
  }

  public RenderContext forEvent(Map<String, Object> eventVariables, String groupId) {
    return withEvent(eventVariables, stored(groupId));
  }

  /**
   * The stored variables an alert of this group sees (global, then the group's), secrets decrypted: read
   * once for the alerts of a group that are prepared together, then combined with each alert's own.
   */
  public RenderContext stored(String groupId) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    Map<String, Object> shown = new LinkedHashMap<>();
    addScope(Variable.GLOBAL, values, secrets, shown);
    if (groupId != null) {
      addScope(groupId, values, secrets, shown);
    }
    return new RenderContext(values, secrets, shown);
  }

  /** {@code stored} (left as it is) with the event's variables filling only the names it does not define. */
  public RenderContext withEvent(Map<String, Object> eventVariables, RenderContext stored) {
    Map<String, Object> values = new LinkedHashMap<>(stored.values());
    Map<String, Object> shown = new LinkedHashMap<>(stored.shown());
    eventVariables.forEach(values::putIfAbsent);
    eventVariables.forEach(shown::putIfAbsent);
    return new RenderContext(values, new LinkedHashMap<>(stored.secrets()), shown);
  }

  /**
   * Only the shown context: no secret is decrypted. For the preview, which must not be able to reveal a
   * secret whatever helpers its template applies to it.
   */
  public RenderContext shownForEvent(Map<String, Object> eventVariables, String groupId) {
    Map<String, Object> shown = new LinkedHashMap<>();
    Map<String, String> placeholders = new LinkedHashMap<>();
    addShown(Variable.GLOBAL, shown, placeholders);
    if (groupId != null) {
      addShown(groupId, shown, placeholders);
    }
    eventVariables.forEach(shown::putIfAbsent);
    // "secrets" here are the placeholders themselves: the redactor built from them turns their encoded
    // forms (a placeholder in a URL is percent-encoded) back into {{NAME}} for display.
    return new RenderContext(shown, placeholders, shown);
  }

  public static String placeholder(String key) {
    return "{{" + key + "}}";
  }

  private void addShown(String scope, Map<String, Object> shown, Map<String, String> placeholders) {
    for (Variable v : variables.inScope(scope)) {
      shown.put(v.key(), v.locked() ? placeholder(v.key()) : v.storedValue());
      if (v.locked()) {
        placeholders.put(placeholder(v.key()), placeholder(v.key()));
      }
    }
  }

  private void addScope(String scope, Map<String, Object> values, Map<String, String> secrets, Map<String, Object> shown) {
    for (Variable v : variables.inScope(scope)) {
      if (v.locked()) {
        String plain = cipher.decrypt(v.storedValue());
        values.put(v.key(), plain);
        secrets.put(plain, placeholder(v.key()));
        shown.put(v.key(), placeholder(v.key()));
      } else {
        values.put(v.key(), v.storedValue());
        shown.put(v.key(), v.storedValue());
      }
    }
  }
}
