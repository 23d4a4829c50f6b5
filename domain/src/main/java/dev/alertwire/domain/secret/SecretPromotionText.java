package dev.alertwire.domain.secret;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text side of promoting a literal typed into a channel field to a named secret: which part of the field
 * is the literal when nothing is selected, the name to suggest, and the reference that replaces it. Pure
 * functions, no I/O: a URL is only parsed, never resolved.
 */
public final class SecretPromotionText {
  /** The fields that can hold a credential. */
  public enum Field {
    URL,
    HEADER,
    QUERY,
    BODY
  }

  /** The characters {@code {{...}}} escapes (handlebars.js escapeExpression): a value with one needs {@code {{{...}}}}. */
  static final String ESCAPED = "&<>\"'`=";

  private static final int MAX_NAME = 200;
  private static final Pattern JSON_KEY_BEFORE = Pattern.compile("\"([^\"\\\\]{1,100})\"\\s*:\\s*\"?$");
  private static final Pattern QUERY_KEY_BEFORE = Pattern.compile("[?&]([^?&=#/]{1,100})=$");

  private SecretPromotionText() {}

  /**
   * {@code {{NAME}}}, or {@code {{{NAME}}}} when HTML escaping would change the value: either way the field
   * renders to exactly the literal it held.
   */
  public static String reference(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (ESCAPED.indexOf(value.charAt(i)) >= 0) {
        return "{{{" + name + "}}}";
      }
    }
    return "{{" + name + "}}";
  }

  /**
   * What is promoted when nothing is selected: a URL's user-info, a header's or query parameter's whole
   * value; nothing for the body (select the part). Empty when that part is a template already.
   */
  public static Optional<String> wholeLiteral(Field field, String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String literal =
        switch (field) {
          case URL -> userInfo(text).orElse(null);
          case HEADER, QUERY -> text;
          case BODY -> null;
        };
    return Optional.ofNullable(literal).filter(l -> !l.isEmpty() && !l.contains("{{"));
  }

  /** Why this literal cannot become a secret here, or empty when it can. */
  public static Optional<String> refusal(String literal, int minLength) {
    if (literal == null || literal.isEmpty()) {
      return Optional.of("Select the value to make secret, or type it first.");
    }
    if (literal.contains("{{") || literal.contains("}}")) {
      return Optional.of("The selection holds a template tag; select only the literal value.");
    }
    if (literal.length() < minLength) {
      return Optional.of("A secret must be at least " + minLength + " characters, so it can be redacted wherever it appears.");
    }
    return Optional.empty();
  }

  /** The field with every occurrence of the literal replaced by the reference. */
  public static String replace(String text, String literal, String reference) {
    return text == null || literal.isEmpty() ? text : text.replace(literal, reference);
  }

  /**
   * A variable name for the literal, from its context: {@code OPSGENIE_API_KEY} for the user-info of a URL on
   * api.opsgenie.com ({@code SERVICE_API_KEY} for another host), a query parameter's name when the literal is
   * its value in the URL, the header or query parameter's name ({@code X-Api-Key}: {@code X_API_KEY}), the
   * JSON key before a selection in the body. Always a valid name: letters, digits and _, not starting with a
   * digit.
   *
   * @param label the header's or query parameter's name; unused for URL and body
   */
  public static String suggestName(Field field, String label, String text, String literal) {
    String base =
        switch (field) {
          case HEADER, QUERY -> label;
          case URL -> forUrl(text == null ? "" : text, literal);
          case BODY -> before(text, literal, JSON_KEY_BEFORE).orElse("BODY_SECRET");
        };
    String name = normalize(base);
    return name.isEmpty() ? (field == Field.URL ? "URL_SECRET" : field.name() + "_SECRET") : name;
  }

  private static String forUrl(String url, String literal) {
    Optional<String> service = service(url);
    Optional<String> userInfo = userInfo(url);
    if (userInfo.isPresent() && userInfo.get().contains(literal)) {
      return service.map(s -> s + "_API_KEY").orElse("URL_CREDENTIALS");
    }
    Optional<String> queryKey = before(url, literal, QUERY_KEY_BEFORE);
    if (queryKey.isPresent()) {
      return queryKey.get();
    }
    return service.map(s -> s + "_URL_TOKEN").orElse("URL_SECRET");
  }

  /** The text before '@' in the authority of a URL, if there is one. */
  static Optional<String> userInfo(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return Optional.empty();
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    return at < start ? Optional.empty() : Optional.of(url.substring(start, at));
  }

  /**
   * The service a URL's host names: the label before the public suffix (api.opsgenie.com: OPSGENIE,
   * api.eu.opsgenie.com too). None for an address or a one-label host.
   */
  static Optional<String> service(String url) {
    String host;
    try {
      String withoutUserInfo = userInfo(url).map(u -> url.replace(u + "@", "")).orElse(url);
      host = URI.create(withoutUserInfo.replaceAll("\\{\\{\\{?[^}]*}}}?", "x")).getHost();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (host == null || host.matches("[0-9.]+") || host.startsWith("[")) {
      return Optional.empty();
    }
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
    if (labels.length < 2) {
      return Optional.empty();
    }
    // co.uk, com.au...: a short second-level label under a country code belongs to the suffix.
    int i = labels.length - 2;
    if (labels.length >= 3 && labels[labels.length - 1].length() == 2 && labels[i].length() <= 3) {
      i--;
    }
    return Optional.of(labels[i]);
  }

  private static Optional<String> before(String text, String literal, Pattern keyAtEnd) {
    if (text == null || literal == null || literal.isEmpty()) {
      return Optional.empty();
    }
    int at = text.indexOf(literal);
    if (at < 0) {
      return Optional.empty();
    }
    Matcher m = keyAtEnd.matcher(text.substring(Math.max(0, at - 120), at));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Upper case, every run of other characters one '_', none at either end; '_' before a leading digit. */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String name = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
      name = "_" + name;
    }
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }
}
