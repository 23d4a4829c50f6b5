package dev.alertwire.domain.request;

import dev.alertwire.domain.channel.KeyValue;
import dev.alertwire.domain.channel.WebhookTemplate;
import dev.alertwire.domain.template.RenderBudget;
import dev.alertwire.domain.template.TemplateEngine;
import dev.alertwire.domain.template.TemplateException;
import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Turns a channel's templates and an alert's context into the request to send. Every template field is
 * rendered with the same context; every problem is reported with its field, so one look fixes them all.
 */
public class RequestRenderer {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  /** Headers, and query parameters, a channel may have: the same limit on save, preview, test-send. */
  public static final int MAX_ROWS = 100;

  /** The longest body template (characters), on save, preview and test-send alike. */
  public static final int MAX_BODY = 512 * 1024;

  /** The longest URL, header value or query value template (characters). */
  public static final int MAX_FIELD = 64 * 1024;

  private final TemplateEngine engine;

  public RequestRenderer(TemplateEngine engine) {
    this.engine = engine;
  }

  /**
   * The limits on the size of a channel's templates, which bound the work of every request built from them:
   * with them, a preview or test-send a viewer sends costs what a saved channel may cost, and no more.
   */
  public static List<FieldError> sizeErrors(WebhookTemplate template) {
    List<FieldError> errors = new ArrayList<>();
    if (template.headers().size() > MAX_ROWS) {
      errors.add(FieldError.of("headers", "at most " + MAX_ROWS + " entries"));
    }
    if (template.queryParameters().size() > MAX_ROWS) {
      errors.add(FieldError.of("queryParameters", "at most " + MAX_ROWS + " entries"));
    }
    if (template.body().length() > MAX_BODY) {
      errors.add(FieldError.of("template", "must be at most 512 KiB (" + MAX_BODY + " characters)"));
    }
    forEachTemplate(template, (field, text) -> {
      if (!field.equals("template") && text.length() > MAX_FIELD) {
        errors.add(FieldError.of(field, "must be at most " + MAX_FIELD + " characters"));
      }
    });
    return errors;
  }

  private static void checkSize(WebhookTemplate template) {
    List<FieldError> errors = sizeErrors(template);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** Compiles every template of the channel; throws with all syntax errors found. */
  public void validate(WebhookTemplate template) {
    checkSize(template);
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < template.headers().size(); i++) {
      KeyValue h = template.headers().get(i);
      if (!h.key().isBlank()) {
        checkHeaderName("headers[" + i + "]", h.key(), errors);
        if (!h.value().contains("{{") && !printableAscii(h.value())) {
          errors.add(FieldError.of("headers[" + i + "].value", nonAsciiHeader(h.key().trim())));
        }
      }
    }
    forEachTemplate(
        template,
        (field, text) -> {
          try {
            engine.validate(text);
          } catch (TemplateException e) {
            errors.add(new FieldError(field, e.getMessage(), e.line(), e.column()));
          }
        });
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /**
   * The template errors that only rendering finds ({@code {{#if}}} with no argument, an unknown helper given
   * arguments, a helper given a value of the wrong type), each with its field, line and column. Not the
   * validity of the rendered URL or headers: those depend on variables a user may define after saving.
   */
  public List<FieldError> renderErrors(WebhookTemplate template, Map<String, Object> context) {
    List<FieldError> errors = new ArrayList<>();
    RenderBudget budget = new RenderBudget();
    forEachTemplate(
        template,
        (field, text) -> {
          try {
            engine.render(text, context, budget);
          } catch (TemplateException e) {
            errors.add(new FieldError(field, e.getMessage(), e.line(), e.column()));
          }
        });
    return errors;
  }

  /**
   * Renders every field with one {@link RenderBudget} for the whole request.
   *
   * @throws InvalidInputException with every field's error, or the size limits broken
   */
  public OutgoingRequest render(WebhookTemplate template, Map<String, Object> context) {
    checkSize(template);
    RenderBudget budget = new RenderBudget();
    List<FieldError> errors = new ArrayList<>();
    String url = renderUrl(template.url(), context, budget, errors).trim();
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < template.queryParameters().size(); i++) {
      KeyValue p = template.queryParameters().get(i);
      if (p.key().isBlank()) {
        continue;
      }
      String value = renderField("queryParameters[" + i + "].value", p.value(), context, budget, errors);
      query.append(query.length() == 0 ? "" : "&");
      query.append(UrlEncoding.encodeComponent(p.key())).append('=').append(UrlEncoding.encodeComponent(value));
    }

    List<Header> headers = new ArrayList<>();
    for (int i = 0; i < template.headers().size(); i++) {
      KeyValue h = template.headers().get(i);
      String field = "headers[" + i + "]";
      if (h.key().isBlank()) {
        continue;
      }
      String value = renderField(field + ".value", h.value(), context, budget, errors);
      checkHeader(field, h.key(), value, errors);
      headers.add(new Header(h.key().trim(), value));
    }

    String body = template.method().sendsBody() ? renderField("template", template.body(), context, budget, errors) : "";
    URI uri = buildUri(url, query.toString(), headers, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (template.method().sendsBody() && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
      headers.add(new Header("Content-Type", "application/json"));
    }
    return new OutgoingRequest(template.method(), uri, headers, body);
  }

  /**
   * The URL, with its user-info (what stands between "://" and the last '@' of the authority in the
   * template) rendered on its own and encoded so that it stays user-info whatever the values hold: the
   * hosted product renders the URL whole, and a secret with '/' or '=' in it then splits the URL.
   */
  private String renderUrl(String text, Map<String, Object> context, RenderBudget budget, List<FieldError> errors) {
    int[] userInfo = userInfoSpan(text);
    if (userInfo == null) {
      return renderField("url", text, context, budget, errors);
    }
    try {
      String before = engine.render(text.substring(0, userInfo[0]), context, budget);
      String credentials = engine.render(text.substring(userInfo[0], userInfo[1]), context, budget);
      String after = engine.render(text.substring(userInfo[1]), context, budget);
      return before + UrlEncoding.encodeUserInfo(credentials) + after;
    } catch (TemplateException partFailed) {
      // Rendered whole, the error carries its line and column in the field as typed.
      return renderField("url", text, context, budget, errors);
    }
  }

  /**
   * Where the user-info stands in a URL template: from after "://" to the last '@' before the authority
   * ends ('/', '?' or '#'), looking only at text outside mustaches; null when there is none.
   */
  static int[] userInfoSpan(String template) {
    int start = template.indexOf("://");
    if (start < 0 || template.lastIndexOf("{{", start) > template.lastIndexOf("}}", start)) {
      return null;
    }
    start += 3;
    int at = -1;
    for (int i = start; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{' && template.startsWith("{{", i)) {
        int close = template.indexOf("}}", i + 2);
        if (close < 0) {
          return null;
        }
        i = close + 1;
        while (i + 1 < template.length() && template.charAt(i + 1) == '}') {
          i++;
        }
      } else if (c == '/' || c == '?' || c == '#') {
        break;
      } else if (c == '@') {
        at = i;
      }
    }
    return at < 0 ? null : new int[] {start, at};
  }

  private String renderField(
      String field, String text, Map<String, Object> context, RenderBudget budget, List<FieldError> errors) {
    try {
      return engine.render(text, context, budget);
    } catch (TemplateException e) {
      errors.add(new FieldError(field, e.getMessage(), e.line(), e.column()));
      return "";
    }
  }

  private static URI buildUri(String rendered, String query, List<Header> headers, List<FieldError> errors) {
    if (rendered.isEmpty()) {
      errors.add(FieldError.of("url", "the URL is empty"));
      return null;
    }
    if (rendered.contains("\r") || rendered.contains("\n")) {
      errors.add(FieldError.of("url", "the URL contains a line break"));
      return null;
    }
    String encoded = UrlEncoding.encodeIllegal(rendered);
    URI uri;
    try {
      uri = new URI(encoded);
    } catch (URISyntaxException e) {
      errors.add(FieldError.of("url", urlProblem(e)));
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      errors.add(FieldError.of("url", "the URL must start with http:// or https://"));
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      errors.add(FieldError.of("url", noHost(uri.getRawAuthority())));
      return null;
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      // Credentials in the URL become Basic auth (as HTTP clients do for user:password@host) and leave it.
      String decoded = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
      String credentials = decoded.contains(":") ? decoded : decoded + ":";
      boolean explicit = headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Authorization"));
      if (!explicit) {
        headers.add(
            new Header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
      }
    }
    StringBuilder result = new StringBuilder(scheme).append("://").append(uri.getRawAuthority().replaceFirst("^.*@", ""));
    result.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    String existingQuery = uri.getRawQuery();
    if (existingQuery != null && !existingQuery.isEmpty()) {
      result.append('?').append(existingQuery);
      if (!query.isEmpty()) {
        result.append('&').append(query);
      }
    } else if (!query.isEmpty()) {
      result.append('?').append(query);
    }
    if (uri.getRawFragment() != null) {
      result.append('#').append(uri.getRawFragment());
    }
    try {
      return new URI(result.toString());
    } catch (URISyntaxException e) {
      errors.add(FieldError.of("url", urlProblem(e)));
      return null;
    }
  }

  /** Why java.net.URI found no host in an authority: said for people, without quoting it. */
  static String noHost(String authority) {
    if (authority == null || authority.isEmpty()) {
      return "the URL has no host after \"://\"; write it as http://host/path";
    }
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && !hostPort.endsWith("]")) {
      String port = hostPort.substring(colon + 1);
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
        return "the port (after the host's \":\") must be a number from 1 to 65535";
      }
    }
    if (hostPort.contains("_")) {
      return "the host has a \"_\", which a host name cannot hold (use - instead)";
    }
    return "the URL has no valid host; use letters, digits, - and ., or [ ] around an IPv6 address";
  }

  /**
   * What is wrong with a URL, said for people rather than in java.net.URI's words ("Illegal character in
   * scheme name", "Expected authority"), with the position (1-based) and what is allowed there. The URL itself
   * is not quoted: a rendered one may hold a secret.
   */
  public static String urlProblem(URISyntaxException e) {
    String reason = e.getReason() == null ? "" : e.getReason();
    String at = e.getIndex() >= 0 ? " (character " + (e.getIndex() + 1) + ")" : "";
    if (reason.contains("scheme name")) {
      return "the URL must start with http:// or https://; the part before \":\" may hold only letters, digits, + - and ." + at;
    }
    if (reason.contains("Expected authority")) {
      return "there is no host after \"://\"; write it as http://host/path" + at;
    }
    if (reason.contains("Expected scheme-specific part")) {
      return "nothing follows the scheme; write it as http://host/path" + at;
    }
    if (reason.contains("in authority") || reason.contains("hostname")) {
      return "the host (between \"://\" and the next \"/\") has a character a host name cannot hold; use letters, digits, - and ., or [ ] around an IPv6 address" + at;
    }
    if (reason.contains("port")) {
      return "the port (after the host's \":\") must be a number from 1 to 65535" + at;
    }
    if (reason.contains("Malformed escape")) {
      return "a \"%\" must be followed by two hexadecimal digits (write %25 for a % sign)" + at;
    }
    return "not a valid URL: " + reason.toLowerCase(Locale.ROOT) + at;
  }

  private static void checkHeader(String field, String name, String value, List<FieldError> errors) {
    String trimmed = name.trim();
    checkHeaderName(field, name, errors);
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      errors.add(FieldError.of(field + ".value", "the rendered value of header " + trimmed + " contains a line break"));
    } else if (value.chars().anyMatch(c -> c < 32 && c != '\t' || c == 127)) {
      errors.add(FieldError.of(field + ".value", "the rendered value of header " + trimmed + " contains a control character"));
    } else if (!printableAscii(value)) {
      errors.add(FieldError.of(field + ".value", nonAsciiHeader(trimmed)));
    }
  }

  /**
   * The JDK client writes HTTP/1.1 header values as US-ASCII: every character above 0x7E, ISO-8859-1 ones
   * included, would reach the receiver as "?". Refused instead, naming neither the character nor its
   * position, since the value may hold a secret.
   */
  private static boolean printableAscii(String value) {
    return value.chars().allMatch(c -> c == '\t' || (c >= 32 && c < 127));
  }

  private static String nonAsciiHeader(String name) {
    return "the value of header " + name + " contains a character outside printable ASCII, which the HTTP client"
        + " cannot send (it would arrive as ?); send ASCII only, percent- or base64-encoded if need be";
  }

  private static void checkHeaderName(String field, String name, List<FieldError> errors) {
    String trimmed = name.trim();
    if (!trimmed.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
      errors.add(FieldError.of(field + ".key", "\"" + printable(trimmed) + "\" is not a valid header name"));
    } else if (RESTRICTED_HEADERS.contains(trimmed.toLowerCase(Locale.ROOT))) {
      errors.add(FieldError.of(field + ".key", "the " + trimmed + " header is set by the HTTP client and cannot be overridden"));
    }
  }

  /** A name as it can be shown in an error: control characters as \\uXXXX. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 32 || c == 127 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }

  private static void forEachTemplate(WebhookTemplate t, BiConsumer<String, String> action) {
    action.accept("url", t.url());
    for (int i = 0; i < t.headers().size(); i++) {
      action.accept("headers[" + i + "].value", t.headers().get(i).value());
    }
    for (int i = 0; i < t.queryParameters().size(); i++) {
      action.accept("queryParameters[" + i + "].value", t.queryParameters().get(i).value());
    }
    action.accept("template", t.body());
  }
}
