package dev.alertwire.domain.secret;

import dev.alertwire.domain.request.UrlEncoding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Replaces secret values in anything shown or stored (previews, history, errors) by a placeholder, also
 * where the value was rendered inside a longer string, URL-encoded, HTML-escaped or base64-encoded (Basic
 * auth built from URL credentials).
 */
public final class SecretRedactor {
  /** Values shorter than this are not redacted: replacing "1" everywhere would destroy the record. */
  private static final int MIN_LENGTH = 4;

  private record Replacement(String needle, String placeholder) {}

  private final List<Replacement> replacements = new ArrayList<>();

  /** @param secrets each secret value and what to show instead (such as {@code {{NAME}}}) */
  public SecretRedactor(Map<String, String> secrets) {
    secrets.forEach(
        (value, placeholder) -> {
          if (value == null || value.length() < MIN_LENGTH) {
            return;
          }
          for (String form : formsOf(value)) {
            replacements.add(new Replacement(form, placeholder));
          }
        });
    // Longest first, so a secret that contains another is replaced whole.
    replacements.sort(Comparator.comparingInt((Replacement r) -> r.needle.length()).reversed());
  }

  public static SecretRedactor none() {
    return new SecretRedactor(Map.of());
  }

  public String redact(String text) {
    if (text == null || replacements.isEmpty()) {
      return text;
    }
    String result = text;
    for (Replacement r : replacements) {
      result = result.replace(r.needle, r.placeholder);
    }
    return result;
  }

  /**
   * A header value with Basic credentials is base64 of "user:password": decode it to find secrets inside, and
   * show the decoded, redacted credentials instead of a base64 that would still carry them.
   */
  public String redactHeader(String name, String value) {
    if (value != null && name.equalsIgnoreCase("Authorization") && value.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
        String redacted = redact(decoded);
        if (!redacted.equals(decoded)) {
          return "Basic <base64 of " + redacted + ">";
        }
      } catch (IllegalArgumentException notBase64) {
        // fall through to the plain redaction
      }
    }
    return redact(value);
  }

  /**
   * Every form a rendered secret can take on its way into a request: as is or HTML-escaped by {{...}}, then
   * as is, with illegal URL characters encoded, fully encoded as a query value, form-encoded, or base64.
   */
  private static List<String> formsOf(String value) {
    List<String> forms = new ArrayList<>();
    for (String base : List.of(value, htmlEscaped(value))) {
      forms.add(base);
      forms.add(UrlEncoding.encodeIllegal(base));
      forms.add(UrlEncoding.encodeComponent(base));
      forms.add(URLEncoder.encode(base, StandardCharsets.UTF_8));
      forms.add(Base64.getEncoder().encodeToString(base.getBytes(StandardCharsets.UTF_8)));
    }
    return forms.stream().distinct().toList();
  }

  private static String htmlEscaped(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#x27;")
        .replace("`", "&#x60;")
        .replace("=", "&#x3D;");
  }
}
