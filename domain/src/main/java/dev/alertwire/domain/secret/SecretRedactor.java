package dev.alertwire.domain.secret;

import dev.alertwire.domain.request.Header;
import dev.alertwire.domain.request.UrlEncoding;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second line of defence: replaces secret values by a placeholder in what Alertwire cannot construct
 * itself, above all a receiver's answer, which may echo the request. What Alertwire shows of its own requests
 * is rendered with placeholders in the first place (see {@code ChannelRequests} in delivery-ejb); this class
 * finds the copies that come back. It finds a value inside a longer string, URL-encoded, HTML-escaped,
 * JSON-escaped (as an echo puts it in a JSON string) or base64-encoded; the whole credentials of an
 * {@code Authorization} header that was sent ({@link #withSentHeaders}); and, with {@link #redactCut}, the
 * first part of a secret at the end of a text that was cut at a size limit.
 */
public final class SecretRedactor {
  /** Values shorter than this are not redacted: replacing "1" everywhere would destroy the record. */
  private static final int MIN_LENGTH = 4;

  private record Replacement(String needle, String placeholder) {}

  private final Map<String, String> secrets;
  private final List<Replacement> replacements = new ArrayList<>();

  /** @param secrets each secret value and what to show instead (such as {@code {{NAME}}}) */
  public SecretRedactor(Map<String, String> secrets) {
    this.secrets = new LinkedHashMap<>(secrets);
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

  /** Every text this redactor looks for: each secret in each of its forms. */
  public List<String> needles() {
    return replacements.stream().map(Replacement::needle).toList();
  }

  /** True when there is nothing to look for. */
  public boolean isEmpty() {
    return replacements.isEmpty();
  }

  /**
   * This redactor, also knowing the credentials of every header that was sent with a secret in it: an echo of
   * {@code Authorization: Basic base64(user:secret)} carries a base64 in which the secret's own base64 does
   * not appear (its alignment differs), so the sent value itself, and its credentials part, are looked for.
   */
  public SecretRedactor withSentHeaders(List<Header> sent) {
    if (replacements.isEmpty()) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(secrets);
    for (Header h : sent) {
      String value = h.value();
      if (value == null || redactHeader(h.name(), value).equals(value)) {
        continue;
      }
      String placeholder = "<" + h.name() + " as sent>";
      more.putIfAbsent(value, placeholder);
      int space = value.indexOf(' ');
      if (space > 0 && value.length() - space - 1 >= MIN_LENGTH) {
        more.putIfAbsent(value.substring(space + 1).trim(), placeholder);
      }
    }
    return new SecretRedactor(more);
  }

  /**
   * {@link #redact}, and then, where the text ends with the first part of a secret (at least four
   * characters, in any form this redactor knows), that part too: a response cut at the size limit may have
   * cut a secret in two.
   */
  public String redactCut(String text) {
    String result = redact(text);
    if (result == null || replacements.isEmpty()) {
      return result;
    }
    for (Replacement r : replacements) {
      for (int length = Math.min(r.needle.length() - 1, result.length()); length >= MIN_LENGTH; length--) {
        if (result.regionMatches(result.length() - length, r.needle, 0, length)) {
          return result.substring(0, result.length() - length) + r.placeholder + " (cut)";
        }
      }
    }
    return result;
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
   * Every form a rendered secret can take on its way into a request and back: as is or HTML-escaped by
   * {{...}}, then as is, with illegal URL characters encoded, fully encoded as a query value, form-encoded,
   * base64, or JSON-escaped (with and without "\/", with and without non-ASCII as "\\uXXXX"), as an echo
   * writes a string it received.
   */
  private static List<String> formsOf(String value) {
    List<String> forms = new ArrayList<>();
    for (String base : List.of(value, htmlEscaped(value))) {
      forms.add(base);
      forms.add(UrlEncoding.encodeIllegal(base));
      forms.add(UrlEncoding.encodeComponent(base));
      forms.add(URLEncoder.encode(base, StandardCharsets.UTF_8));
      forms.add(Base64.getEncoder().encodeToString(base.getBytes(StandardCharsets.UTF_8)));
      for (String unicode : new String[] {null, "\\u%04x", "\\u%04X"}) {
        forms.add(jsonEscaped(base, false, unicode));
        forms.add(jsonEscaped(base, true, unicode));
      }
    }
    return forms.stream().distinct().toList();
  }

  /** @param unicode the format of a non-ASCII character's escape, or null to keep such characters as they are */
  private static String jsonEscaped(String value, boolean slash, String unicode) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append(slash ? "\\/" : "/");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (unicode != null && c > 0x7e)) {
            out.append(String.format(unicode == null ? "\\u%04x" : unicode, (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
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
